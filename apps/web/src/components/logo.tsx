import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconBuildingArch } from "@tabler/icons-react";

export function Logo({ size = "md" }: { size?: "md" | "lg" }) {
  const large = size === "lg";
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={large ? 40 : 30} radius="md" variant="gradient" gradient={{ from: "indigo", to: "cyan", deg: 135 }}>
        <IconBuildingArch size={large ? 24 : 18} />
      </ThemeIcon>
      <Text fw={700} fz={large ? 26 : 20} lh={1}>
        Atrium
      </Text>
    </Group>
  );
}
