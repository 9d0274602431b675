import { keepPreviousData, skipToken, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useLiveInvalidate } from "../../../lib/live";
import { allItems, nextCursorOf } from "../../../lib/pages";
import { trpc } from "../../../lib/trpc";

export function useOutbox(to: string) {
  // Emails move from queued to sent within seconds; the stream says when (queued, sent, failed).
  useLiveInvalidate(["outbox.changed"], trpc.email.outbox.pathKey());
  return useInfiniteQuery({
    ...trpc.email.outbox.list.infiniteQueryOptions({ to: to || undefined, limit: 25 }, { getNextPageParam: nextCursorOf }),
    select: allItems,
    placeholderData: keepPreviousData,
  });
}

export function useOutboxEmail(id: string | null) {
  return useQuery(trpc.email.outbox.get.queryOptions(id ? { id } : skipToken));
}
