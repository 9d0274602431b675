import { ActionIcon, Indicator } from "@mantine/core";
import { IconMessages } from "@tabler/icons-react";
import { Link } from "react-router";
import { useMessagesLive, useUnreadCount } from "./use-messages";

/** The top bar's inbox link, with the unread count; it also keeps every messaging query live. */
export function UnreadBadge() {
  useMessagesLive();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count ? `Messages: ${count} unread` : "Messages";
  return (
    <Indicator label={count > 99 ? "99+" : count} size={18} disabled={!count} color="red" offset={4} data-testid="unread-badge" data-count={count}>
      <ActionIcon component={Link} to="/messages" variant="default" size="lg" radius="xl" aria-label={label} title={label}>
        <IconMessages size={18} stroke={1.6} />
      </ActionIcon>
    </Indicator>
  );
}
