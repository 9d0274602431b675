import { Paper, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRealtimeEvent } from "../../lib/realtime";
import { nextCursorOf } from "../../lib/pages";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/current-user";
import { nameOf } from "../messages/conversation-list";
import { ThreadView } from "../messages/thread-view";
import { THREAD_PAGE, useDeleteMessage } from "../messages/use-messages";

/**
 * The conversation about one application, between its candidate and the employer's recruiting
 * users (the messaging domain's thread, so it also shows in both sides' inboxes), addressed by the
 * application. Live: any message event of this conversation refetches it.
 */
export function ApplicationConversation({ applicationId, viewer }: { applicationId: string; viewer: "employer" | "candidate" }) {
  const { user } = useCurrentUser();
  const queryClient = useQueryClient();
  const thread = useInfiniteQuery({
    ...trpc.recruiting.conversation.messages.infiniteQueryOptions({ id: applicationId, limit: THREAD_PAGE }, { getNextPageParam: nextCursorOf }),
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

  const other = viewer === "candidate" ? "the employer" : conversation ? nameOf(conversation.otherUser) : "the candidate";
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Messages
        </Title>
        <Text size="sm" c="dimmed">
          {viewer === "candidate" ? "Only you and the employer's recruiters see these messages." : "Only the candidate and your recruiting team see these messages."}
        </Text>
        <ThreadView
          thread={thread}
          myId={user.id}
          logLabel="Application messages"
          errorTitle="Couldn't load the messages"
          composerLabel={`Message ${other}`}
          sending={send.isPending}
          onSend={(content) => send.mutateAsync({ id: applicationId, content })}
          onMarkRead={() => markRead.mutate({ id: applicationId })}
          onDelete={(messageId) => remove.mutate({ id: messageId }, { onSuccess: () => void refresh() })}
          logStyle={{ maxHeight: "50vh" }}
        />
      </Stack>
    </Paper>
  );
}
