import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconKey, IconLogout, IconUser } from "@tabler/icons-react";
import { Link } from "react-router";
import { useCurrentUser } from "../auth/current-user";
import { useLogout } from "../auth/use-logout";
import { displayName } from "../auth/use-me";

export function UserMenu() {
  const { user } = useCurrentUser();
  const logout = useLogout();
  const name = displayName(user);
  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" px="xs" py={4} style={{ borderRadius: "var(--mantine-radius-md)" }}>
          <Group gap="xs" wrap="nowrap">
            <Avatar name={name} color="initials" size={30} radius="xl" aria-hidden />
            <Text size="sm" fw={500} visibleFrom="xs">
              {name}
            </Text>
            <IconChevronDown size={14} stroke={1.5} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as {user.username}</Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUser size={16} />}>
          Profile
        </Menu.Item>
        <Menu.Item component={Link} to="/api-keys" leftSection={<IconKey size={16} />}>
          API keys
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()} disabled={logout.isPending}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
