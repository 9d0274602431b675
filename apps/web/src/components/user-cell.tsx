import { Avatar, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

interface UserCellProps {
  username: string;
  displayName: string | null;
  email?: string;
  badge?: ReactNode;
}

/** Avatar, name and handle: how a person appears in every table. */
export function UserCell({ username, displayName, email, badge }: UserCellProps) {
  const name = displayName?.trim() || username;
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar name={name} color="initials" size={32} radius="xl" />
      <Stack gap={0} miw={0}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500} truncate="end">
            {name}
          </Text>
          {badge}
        </Group>
        <Text size="xs" c="dimmed" truncate="end">
          @{username}
          {email ? ` · ${email}` : ""}
        </Text>
      </Stack>
    </Group>
  );
}
