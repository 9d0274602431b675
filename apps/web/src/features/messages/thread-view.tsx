import { ActionIcon, Box, Button, Center, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useDocumentVisibility } from "@mantine/hooks";
import { IconTrash } from "@tabler/icons-react";
import { useEffect, useRef, type CSSProperties, type ReactNode } from "react";
import { QueryError } from "../../components/query-error";
import { formatDateTime } from "../../lib/format";
import { Composer } from "./composer";
import { MessageText } from "./message-text";
import type { Message } from "./use-messages";

/** What a thread needs of its (infinite, `select`ed) query: the inbox's and an application's have this shape. */
export interface ThreadQuery {
  data: { conversation?: { unreadCount: number; otherLastReadAt: string | null }; messages: Message[] } | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

interface ThreadViewProps {
  thread: ThreadQuery;
  myId: string;
  /** Above the messages once they have loaded (the inbox names the other person there). */
  header?: ReactNode;
  logLabel: string;
  errorTitle: string;
  composerLabel: string;
  sending: boolean;
  onSend: (content: string) => Promise<unknown>;
  /** Asked at most once per newest message, while it is unread and the page is visible. */
  onMarkRead: () => void;
  onDelete: (messageId: string) => void;
  /** The scrolling log's size: the inbox fills its pane, a page's thread stays a box. */
  logStyle: CSSProperties;
  autoFocus?: boolean;
}

/**
 * Shown means read, asked once per newest message. The count can stay above zero after a mark (a
 * message racing it, or the mark failing): asking again for the same message then loops, and each
 * round trip spends the caller's rate limit until nothing loads for them. A page opened in a
 * background tab marks when it is brought to the front.
 */
export function useReadWhenShown(unread: number, newestId: string | undefined, markRead: () => void) {
  const visibility = useDocumentVisibility();
  const markedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (unread > 0 && newestId && markedFor.current !== newestId && visibility === "visible") {
      markedFor.current = newestId;
      markRead();
    }
  }, [unread, newestId, visibility, markRead]);
}

function Bubble({ m, mine, seen, onDelete }: { m: Message; mine: boolean; seen: boolean; onDelete: () => void }) {
  return (
    <Stack gap={2} align={mine ? "flex-end" : "flex-start"} data-testid="message" data-mine={mine}>
      <Group gap={4} wrap="nowrap" style={{ maxWidth: "85%" }} justify={mine ? "flex-end" : "flex-start"}>
        {mine && !m.deleted && (
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Delete message" onClick={onDelete}>
            <IconTrash size={14} />
          </ActionIcon>
        )}
        <Paper px="sm" py={6} radius="lg" bg={mine ? "var(--mantine-primary-color-light)" : "var(--mantine-color-default-hover)"}>
          {m.deleted ? (
            <Text size="sm" fs="italic" c="dimmed">
              Message deleted
            </Text>
          ) : (
            <Text size="sm" component="div">
              <MessageText text={m.content} />
            </Text>
          )}
        </Paper>
      </Group>
      <Text size="xs" c="dimmed">
        <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
        {seen && <span data-testid="seen"> · Seen</span>}
      </Text>
    </Stack>
  );
}

/** One conversation, wherever it shows (the inbox, an application's page): older messages on demand, read when shown, a composer. */
export function ThreadView({ thread, myId, header, logLabel, errorTitle, composerLabel, sending, onSend, onMarkRead, onDelete, logStyle, autoFocus }: ThreadViewProps) {
  const conversation = thread.data?.conversation;
  const messages = thread.data?.messages ?? [];
  const newestId = messages.at(-1)?.id;
  useReadWhenShown(conversation?.unreadCount ?? 0, newestId, onMarkRead);
  // The log scrolls itself to the newest message; scrollIntoView would scroll the whole page along.
  const log = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [newestId]);

  if (thread.isPending)
    return (
      <Center p="xl">
        <Loader aria-label="Loading messages" />
      </Center>
    );
  if (thread.isError || !conversation) return <QueryError error={thread.error} title={errorTitle} onRetry={() => void thread.refetch()} />;

  const lastMine = [...messages].reverse().find((m) => m.senderId === myId && !m.deleted);
  const seenAt = conversation.otherLastReadAt ? Date.parse(conversation.otherLastReadAt) : null;
  return (
    <Stack gap="sm">
      {header}
      <Box ref={log} style={{ overflowY: "auto", ...logStyle }} aria-label={logLabel} role="log" tabIndex={0}>
        {thread.hasNextPage && (
          <Center pb="sm">
            <Button variant="default" size="xs" loading={thread.isFetchingNextPage} onClick={() => void thread.fetchNextPage()}>
              Load older messages
            </Button>
          </Center>
        )}
        {messages.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            No messages yet.
          </Text>
        ) : (
          <Stack gap="sm">
            {messages.map((m) => (
              <Bubble
                key={m.id}
                m={m}
                mine={m.senderId === myId}
                seen={m.id === lastMine?.id && seenAt !== null && seenAt >= Date.parse(m.createdAt)}
                onDelete={() => onDelete(m.id)}
              />
            ))}
          </Stack>
        )}
      </Box>
      <Composer label={composerLabel} sending={sending} onSend={onSend} autoFocus={autoFocus} />
    </Stack>
  );
}
