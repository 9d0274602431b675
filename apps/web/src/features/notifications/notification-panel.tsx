import { Anchor, Button, Group, Popover, ScrollArea, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconBellOff, IconChecks } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import type { DeferredPopupProps } from "../../components/deferred";
import { QueryState } from "../../components/query-state";
import { formatRelative } from "../../lib/format";
import type { RouterOutputs } from "@atrium/sdk";
import { useMarkAllRead, useMarkRead, useNotifications } from "./use-notifications";

type Item = RouterOutputs["notifications"]["list"]["items"][number];

function NotificationRow({ item, onOpen }: { item: Item; onOpen: (item: Item) => void }) {
  const markRead = useMarkRead();
  const unread = item.readAt === null;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="notification" data-unread={unread}>
      <UnstyledButton onClick={() => onOpen(item)} style={{ flex: 1, minWidth: 0 }} p={4}>
        <Text size="sm" fw={unread ? 700 : 400} lineClamp={1}>
          {item.title}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={2}>
          {item.body}
        </Text>
        <Text size="xs" c="dimmed">
          {formatRelative(item.createdAt)}
        </Text>
      </UnstyledButton>
      {unread && (
        <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate({ id: item.id })} loading={markRead.isPending} aria-label={`Mark “${item.title}” read`}>
          Read
        </Button>
      )}
    </Group>
  );
}

/** The bell's dropdown: newest notifications, each a link to its thing; fetched on first reach (see Deferred). */
export function NotificationPanel({ trigger, defaultOpened }: DeferredPopupProps) {
  const list = useNotifications();
  const markAll = useMarkAllRead();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const open = (item: Item) => {
    if (item.readAt === null) markRead.mutate({ id: item.id });
    if (item.link) void navigate(item.link);
  };
  return (
    <Popover position="bottom-end" width={340} shadow="md" defaultOpened={defaultOpened} trapFocus={false}>
      <Popover.Target>{trigger}</Popover.Target>
      <Popover.Dropdown p="xs" data-testid="notification-panel">
        <Group justify="space-between" mb="xs" px={4}>
          <Text fw={600}>Notifications</Text>
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconChecks size={14} />}
            disabled={!list.data?.unreadCount}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            Mark all read
          </Button>
        </Group>
        <ScrollArea.Autosize mah={360}>
          <QueryState query={list} errorTitle="Couldn't load notifications" empty={{ icon: <IconBellOff size={24} />, title: "Nothing new", description: "Jobs, balances and invitations show up here." }}>
            {(data) => (
              <Stack gap={4}>
                {data.items.map((item) => (
                  <NotificationRow key={item.id} item={item} onOpen={open} />
                ))}
              </Stack>
            )}
          </QueryState>
        </ScrollArea.Autosize>
        <Anchor component={Link} to="/settings/notifications" size="xs" display="block" mt="xs" px={4}>
          Notification settings
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}
