import { keepPreviousData, skipToken, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { allItems, nextCursorOf } from "../../../lib/pages";
import { trpc } from "../../../lib/trpc";

export function useOutbox(to: string) {
  return useInfiniteQuery({
    // Emails move from queued to sent within seconds; keep the status column honest.
    ...trpc.email.outbox.list.infiniteQueryOptions({ to: to || undefined, limit: 25 }, { getNextPageParam: nextCursorOf, refetchInterval: 10_000 }),
    select: allItems,
    placeholderData: keepPreviousData,
  });
}

export function useOutboxEmail(id: string | null) {
  return useQuery(trpc.email.outbox.get.queryOptions(id ? { id } : skipToken));
}
