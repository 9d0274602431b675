import { Menu } from "@mantine/core";
import { IconKey, IconLogout, IconUser } from "@tabler/icons-react";
import { Link } from "react-router";
import type { DeferredPopupProps } from "../../components/deferred";
import { useCurrentUser } from "../auth/current-user";
import { useLogout } from "../auth/use-logout";

/** The user menu's dropdown, fetched when the pointer first reaches the menu (see Deferred). */
export function UserMenuPopup({ trigger, defaultOpened }: DeferredPopupProps) {
  const { user } = useCurrentUser();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={220} shadow="md" defaultOpened={defaultOpened}>
      <Menu.Target>{trigger}</Menu.Target>
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
