import { ActionIcon, Indicator } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { Deferred } from "../../components/deferred";
import { useNotifications } from "./use-notifications";

const loadPanel = () => import("./notification-panel").then((m) => m.NotificationPanel);

/** The top bar's bell: the unread count at once (live), the panel's code only when it is first reached. */
export function NotificationBell() {
  const list = useNotifications();
  const unread = list.data?.unreadCount ?? 0;
  const label = unread ? `Notifications: ${unread} unread` : "Notifications";
  const trigger = (
    <ActionIcon variant="subtle" color="gray" size="lg" radius="xl" aria-label={label} title={label} data-testid="notification-bell" data-unread={unread}>
      <Indicator label={unread > 99 ? "99+" : unread} size={16} disabled={unread === 0} color="red" offset={2}>
        <IconBell size={20} stroke={1.6} />
      </Indicator>
    </ActionIcon>
  );
  return <Deferred trigger={trigger} load={loadPanel} props={{}} />;
}
