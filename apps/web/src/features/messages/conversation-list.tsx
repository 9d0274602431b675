import { Badge, Group, NavLink, Stack, Text } from "@mantine/core";
import { IconMessages } from "@tabler/icons-react";
import { Link } from "react-router";
import { LoadMore } from "../../components/load-more";
import { QueryState } from "../../components/query-state";
import { formatRelative } from "../../lib/format";
import { useConversations, type Conversation } from "./use-messages";

export const nameOf = (u: { username: string; displayName: string | null }) => u.displayName ?? u.username;

function preview(c: Conversation, myId: string): string {
  const m = c.lastMessage;
  if (!m) return "";
  const text = m.deleted ? "Message deleted" : m.content.replace(/\s+/g, " ");
  return m.senderId === myId ? `You: ${text}` : text;
}

/** The inbox: conversations newest activity first, unread ones marked with their count. */
export function ConversationList({ activeId, myId, newButton }: { activeId: string | undefined; myId: string; newButton: React.ReactNode }) {
  const conversations = useConversations();
  return (
    <QueryState
      query={conversations}
      errorTitle="Couldn't load your conversations"
      empty={{ icon: <IconMessages />, title: "No conversations yet", description: "Write to someone you share an account with.", action: newButton }}
    >
      {(items) => (
        <Stack gap={2} component="nav" aria-label="Conversations">
          {items.map((c) => (
            <NavLink
              key={c.id}
              component={Link}
              to={`/messages/${c.id}`}
              active={c.id === activeId}
              data-testid="conversation"
              data-unread={c.unreadCount}
              style={{ borderRadius: "var(--mantine-radius-md)" }}
              label={
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={c.unreadCount ? 700 : 500} truncate>
                    {nameOf(c.otherUser)}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {formatRelative(c.lastActivityAt)}
                  </Text>
                </Group>
              }
              description={<Text size="sm" c="dimmed" truncate>{preview(c, myId)}</Text>}
              rightSection={c.unreadCount ? <Badge size="sm" circle={c.unreadCount < 10} aria-label={`${c.unreadCount} unread`}>{c.unreadCount}</Badge> : null}
            />
          ))}
          <LoadMore hasNextPage={conversations.hasNextPage} isFetchingNextPage={conversations.isFetchingNextPage} fetchNextPage={conversations.fetchNextPage} />
        </Stack>
      )}
    </QueryState>
  );
}
