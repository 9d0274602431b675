import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { allItems, firstPage, nextCursorOf } from "../../../lib/pages";
import { queryKeys } from "../../../lib/query-keys";
import { api } from "../../../lib/trpc";

export function useOutbox(to: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.admin.outbox(to),
    queryFn: ({ pageParam }) => api.email.outbox.list.query({ to: to || undefined, cursor: pageParam, limit: 25 }),
    initialPageParam: firstPage,
    getNextPageParam: nextCursorOf,
    select: allItems,
    placeholderData: (previous) => previous,
    // Emails move from queued to sent within seconds; keep the status column honest.
    refetchInterval: 10_000,
  });
}

export function useOutboxEmail(id: string | null) {
  return useQuery({
    queryKey: queryKeys.admin.outboxEmail(id ?? ""),
    queryFn: () => api.email.outbox.get.query({ id: id ?? "" }),
    enabled: !!id,
  });
}
