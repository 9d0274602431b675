import { Badge, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled block of a job's result. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={6} data-testid={testId}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** Short values as badges, or a dimmed sentence when there are none. */
export function Chips({ items, color = "indigo", empty, testId, icon }: { items: string[]; color?: string; empty: string; testId: string; icon?: ReactNode }) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Group gap={6} data-testid={testId}>
      {items.map((item) => (
        <Badge key={item} variant="light" color={color} radius="sm" tt="none" size="lg" fw={500} leftSection={icon}>
          {item}
        </Badge>
      ))}
    </Group>
  );
}
