import { Avatar, Button, Divider, Group, Stack, Text } from "@mantine/core";
import { IconLogout } from "@tabler/icons-react";
import { useCurrentUser } from "../auth/current-user";
import { useLogout } from "../auth/use-logout";
import { displayName } from "../auth/use-me";
import { BalanceBadge } from "../billing/balance-badge";
import { OrganizationSwitcher } from "../organizations/organization-switcher";
import { NotificationBell } from "../notifications/notification-bell";
import { ApiStatus } from "./api-status";

/**
 * On a phone the header has room for the burger and the logo only, so the drawer carries
 * what the header shows on a desktop: the organization, balance, API status and the account (with Log out).
 */
export function MobileAccount() {
  const { user } = useCurrentUser();
  const logout = useLogout();
  const name = displayName(user);
  return (
    <Stack gap="sm" data-testid="mobile-account">
      <Group gap="xs" wrap="nowrap">
        <Avatar name={name} color="initials" size={30} radius="xl" />
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} truncate>
            {name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            Signed in as {user.username}
          </Text>
        </Stack>
      </Group>
      <OrganizationSwitcher />
      <Group gap="xs">
        <BalanceBadge />
        <ApiStatus />
        <NotificationBell />
      </Group>
      <Button variant="light" color="red" leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()} loading={logout.isPending}>
        Log out
      </Button>
      <Divider />
    </Stack>
  );
}
