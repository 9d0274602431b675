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

/** A row of badges, or a dimmed sentence when there are none. */
export function BadgeRow({ count, empty, testId, children }: { count: number; empty: string; testId: string; children: ReactNode }) {
  if (count === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Group gap={6} data-testid={testId}>
      {children}
    </Group>
  );
}

/** Short values as badges, or a dimmed sentence when there are none. */
export function Chips({ items, color = "indigo", empty, testId, icon }: { items: string[]; color?: string; empty: string; testId: string; icon?: ReactNode }) {
  return (
    <BadgeRow count={items.length} empty={empty} testId={testId}>
      {items.map((item) => (
        <Badge key={item} variant="light" color={color} radius="sm" tt="none" size="lg" fw={500} leftSection={icon}>
          {item}
        </Badge>
      ))}
    </BadgeRow>
  );
}
