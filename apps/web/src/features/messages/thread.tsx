import { ActionIcon, Anchor, Box, Button, Center, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconTrash } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { QueryError } from "../../components/query-error";
import { formatDateTime } from "../../lib/format";
import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";
import { Composer } from "./composer";
import { nameOf } from "./conversation-list";
import { MessageText } from "./message-text";
import { useDeleteMessage, useMarkRead, useSendMessage, useThread, type Message } from "./use-messages";

/** One message; the application conversation (features/recruiting) shows the same bubbles. */
export function Bubble({ m, mine, seen, onDelete }: { m: Message; mine: boolean; seen: boolean; onDelete: () => void }) {
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

/** Where the subject lives in the SPA; an application's page is the HR portal's for members of the employer's account, else the candidate's. */
function subjectPath(subject: { type: "document" | "job" | "application"; id: string }, inMyAccount: boolean): string {
  if (subject.type === "application") return inMyAccount ? `/recruiting/applications/${subject.id}` : `/candidate/applications/${subject.id}`;
  return `/${subject.type === "document" ? "documents" : "jobs"}/${subject.id}`;
}

/** One conversation: older messages on demand, live as messages arrive, read as soon as it is shown. */
export function Thread({ id, myId, showBack }: { id: string; myId: string; showBack: boolean }) {
  const memberships = useQuery(trpc.accounts.memberships.queryOptions());
  const thread = useThread(id);
  const send = useSendMessage();
  const markRead = useMarkRead();
  const remove = useDeleteMessage();
  const bottom = useRef<HTMLDivElement>(null);
  const conversation = thread.data?.conversation;
  const messages = thread.data?.messages ?? [];
  const newestId = messages.at(-1)?.id;

  // Shown means read: on open, and whenever a new message comes in while it is open.
  const unread = conversation?.unreadCount ?? 0;
  const { mutate: markReadNow, isPending: marking } = markRead;
  useEffect(() => {
    if (unread > 0 && !marking && document.visibilityState === "visible") markReadNow({ id });
  }, [id, unread, newestId, marking, markReadNow]);
  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: "end" });
  }, [newestId]);

  if (thread.isPending) return <Center p="xl"><Loader aria-label="Loading messages" /></Center>;
  if (thread.isError || !conversation) return <QueryError error={thread.error} title="Couldn't load this conversation" onRetry={() => void thread.refetch()} />;

  const other = conversation.otherUser;
  const lastMine = [...messages].reverse().find((m) => m.senderId === myId && !m.deleted);
  const seenAt = conversation.otherLastReadAt ? Date.parse(conversation.otherLastReadAt) : null;
  return (
    <Stack gap="sm" h="100%">
      <Group gap="xs">
        {showBack && (
          <ActionIcon component={Link} to="/messages" variant="subtle" aria-label="Back to conversations">
            <IconArrowLeft size={18} />
          </ActionIcon>
        )}
        <Title order={3} size="h4">
          {nameOf(other)}
        </Title>
        {conversation.subject && (
          <Anchor component={Link} to={subjectPath(conversation.subject, memberships.data?.accounts.some((a) => a.id === conversation.accountId) ?? false)} size="sm">
            About this {conversation.subject.type}
          </Anchor>
        )}
      </Group>
      <Box style={{ flex: 1, overflowY: "auto", minHeight: 240, maxHeight: "60vh" }} aria-label={`Messages with ${nameOf(other)}`} role="log">
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
                onDelete={() => remove.mutate({ id: m.id })}
              />
            ))}
          </Stack>
        )}
        <div ref={bottom} />
      </Box>
      <Composer
        key={id}
        label={`Message ${nameOf(other)}`}
        sending={send.isPending}
        onSend={(content) => send.mutateAsync({ receiverId: other.id, conversationId: id, content })}
        autoFocus
      />
    </Stack>
  );
}
