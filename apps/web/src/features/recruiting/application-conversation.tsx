import { Box, Button, Center, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { QueryError } from "../../components/query-error";
import { useRealtimeEvent } from "../../lib/realtime";
import { nextCursorOf } from "../../lib/pages";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/current-user";
import { Composer } from "../messages/composer";
import { nameOf } from "../messages/conversation-list";
import { Bubble } from "../messages/thread";
import { THREAD_PAGE, useDeleteMessage } from "../messages/use-messages";

/**
 * The conversation about one application, between its candidate and the employer's recruiting
 * users (the messaging domain's thread, so it also shows in both sides' inboxes). Live: any
 * message event of this conversation refetches it; shown means read.
 */
export function ApplicationConversation({ applicationId, viewer }: { applicationId: string; viewer: "employer" | "candidate" }) {
  const { user } = useCurrentUser();
  const queryClient = useQueryClient();
  const input = { id: applicationId, limit: THREAD_PAGE };
  const thread = useInfiniteQuery({
    ...trpc.recruiting.conversation.messages.infiniteQueryOptions(input, { getNextPageParam: nextCursorOf }),
    select: (data) => ({ conversation: data.pages[0]?.conversation, messages: [...data.pages].reverse().flatMap((p) => p.items) }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.recruiting.conversation.pathKey() });
  const send = useMutation(trpc.recruiting.conversation.send.mutationOptions({ onSuccess: () => void refresh() }));
  const markRead = useMutation(trpc.recruiting.conversation.read.mutationOptions({ onSuccess: () => void refresh() }));
  const remove = useDeleteMessage();
  const conversation = thread.data?.conversation;
  useRealtimeEvent(["message.created", "message.read", "message.deleted"], (event) => {
    if ("conversationId" in event && event.conversationId === conversation?.id) void refresh();
  });

  const messages = thread.data?.messages ?? [];
  const newestId = messages.at(-1)?.id;
  const unread = conversation?.unreadCount ?? 0;
  const { mutate: markReadNow, isPending: marking } = markRead;
  // Once per newest message: if the count stays above zero (a message racing the mark), asking again
  // for the same message would loop and spend the caller's rate limit on nothing.
  const markedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (unread > 0 && !marking && newestId && markedFor.current !== newestId && document.visibilityState === "visible") {
      markedFor.current = newestId;
      markReadNow({ id: applicationId });
    }
  }, [applicationId, unread, newestId, marking, markReadNow]);
  const bottom = useRef<HTMLDivElement>(null);
  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: "nearest" });
  }, [newestId]);

  const other = viewer === "candidate" ? "the employer" : conversation ? nameOf(conversation.otherUser) : "the candidate";
  const seenAt = conversation?.otherLastReadAt ? Date.parse(conversation.otherLastReadAt) : null;
  const lastMine = [...messages].reverse().find((m) => m.senderId === user.id && !m.deleted);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Messages
        </Title>
        <Text size="sm" c="dimmed">
          {viewer === "candidate" ? "Only you and the employer's recruiters see these messages." : "Only the candidate and your recruiting team see these messages."}
        </Text>
        {thread.isPending ? (
          <Center p="md">
            <Loader aria-label="Loading messages" />
          </Center>
        ) : thread.isError ? (
          <QueryError error={thread.error} title="Couldn't load the messages" onRetry={() => void thread.refetch()} />
        ) : (
          <Box style={{ overflowY: "auto", maxHeight: "50vh" }} role="log" aria-label="Application messages">
            {thread.hasNextPage && (
              <Center pb="sm">
                <Button variant="default" size="xs" loading={thread.isFetchingNextPage} onClick={() => void thread.fetchNextPage()}>
                  Load older messages
                </Button>
              </Center>
            )}
            {messages.length === 0 ? (
              <Text c="dimmed" ta="center" py="md">
                No messages yet.
              </Text>
            ) : (
              <Stack gap="sm">
                {messages.map((m) => (
                  <Bubble
                    key={m.id}
                    m={m}
                    mine={m.senderId === user.id}
                    seen={m.id === lastMine?.id && seenAt !== null && seenAt >= Date.parse(m.createdAt)}
                    onDelete={() => remove.mutate({ id: m.id }, { onSuccess: () => void refresh() })}
                  />
                ))}
              </Stack>
            )}
            <div ref={bottom} />
          </Box>
        )}
        <Composer label={`Message ${other}`} sending={send.isPending} onSend={(content) => send.mutateAsync({ id: applicationId, content })} />
      </Stack>
    </Paper>
  );
}
