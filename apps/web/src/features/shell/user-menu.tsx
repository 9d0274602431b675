import { Avatar, Group, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown } from "@tabler/icons-react";
import { Deferred } from "../../components/deferred";
import { useCurrentUser } from "../auth/current-user";
import { displayName } from "../auth/use-me";

const loadPopup = () => import("./user-menu-popup").then((m) => m.UserMenuPopup);

export function UserMenu() {
  const { user } = useCurrentUser();
  const name = displayName(user);
  const trigger = (
    <UnstyledButton data-testid="user-menu" aria-haspopup="menu" px="xs" py={4} style={{ borderRadius: "var(--mantine-radius-md)" }}>
      <Group gap="xs" wrap="nowrap">
        <Avatar name={name} color="initials" size={30} radius="xl" aria-hidden />
        <Text size="sm" fw={500} visibleFrom="xs">
          {name}
        </Text>
        <IconChevronDown size={14} stroke={1.5} />
      </Group>
    </UnstyledButton>
  );
  return <Deferred trigger={trigger} load={loadPopup} props={{}} />;
}
