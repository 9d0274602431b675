import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@atrium/sdk";
import { notifyError } from "../../lib/notify";
import { allItems, nextCursorOf } from "../../lib/pages";
import { trpc } from "../../lib/trpc";
import { useRealtimeEvent } from "../../lib/realtime";

export type Conversation = RouterOutputs["messages"]["conversations"]["items"][number];
export type Message = RouterOutputs["messages"]["get"]["items"][number];
export type Contact = RouterOutputs["messages"]["contacts"]["items"][number];

/** A thread page's size; older ones load on demand. */
export const THREAD_PAGE = 30;

export function useConversations() {
  return useInfiniteQuery({
    ...trpc.messages.conversations.infiniteQueryOptions({ limit: 25 }, { getNextPageParam: nextCursorOf }),
    select: allItems,
  });
}

/**
 * One conversation: the first page holds the newest messages, each further page older ones;
 * every page is in reading order, so the thread is the pages reversed, flattened.
 */
export function useThread(id: string) {
  return useInfiniteQuery({
    ...trpc.messages.get.infiniteQueryOptions({ id, limit: THREAD_PAGE }, { getNextPageParam: nextCursorOf }),
    select: (data) => ({ conversation: data.pages[0]?.conversation, messages: [...data.pages].reverse().flatMap((p) => p.items) }),
  });
}

export function useUnreadCount() {
  return useQuery(trpc.messages.unread.queryOptions(undefined, { select: (r) => r.unreadCount }));
}

export function useContacts(q: string) {
  return useQuery({ ...trpc.messages.contacts.queryOptions({ q: q.trim() || undefined, limit: 50 }), placeholderData: keepPreviousData });
}

/** Everything messaging shows is refetched when a message is sent, read or deleted anywhere the user is a participant. */
export function useMessagesLive() {
  const queryClient = useQueryClient();
  useRealtimeEvent(["message.created", "message.read", "message.deleted"], () => {
    void queryClient.invalidateQueries({ queryKey: trpc.messages.pathKey() });
  });
}

export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.messages.send.mutationOptions({
      // Not awaited: the send is done when the api has it, so the composer takes the next message while the lists refetch.
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.messages.pathKey() }),
      // Field errors show under the composer.
    }),
  );
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.messages.read.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.messages.pathKey() }),
    }),
  );
}

export function useDeleteMessage() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.messages.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.messages.pathKey() }),
      onError: (error) => notifyError(error, "Couldn't delete the message"),
    }),
  );
}
