import { useThrottledCallback } from "@mantine/hooks";
import { useQueryClient, type InvalidateQueryFilters, type QueryClient, type QueryKey } from "@tanstack/react-query";
import type { TRealtimeEvent, TRealtimeEventType } from "@atrium/sdk";
import { useRealtimeEvent } from "./realtime";

/** A burst (a hundred jobs finishing at once) is one refetch now and one at the end of the window, not a hundred. */
const DEFAULT_THROTTLE_MS = 500;

/**
 * Refetches the queries `filters` match because an event said they changed. TanStack answers a
 * refetch of a query whose FIRST fetch is still in flight with that same fetch (it cancels only
 * fetches of queries that have data), and that fetch may have read before the event's change
 * committed: its stale answer would then stand until the next event, for a job's page that ended
 * in that window, forever. Such a first fetch (of a query on screen, which the invalidation below
 * refetches) is dropped and started again, after the change.
 */
export function refetchAfterEvent(queryClient: QueryClient, filters: InvalidateQueryFilters): Promise<void> {
  for (const query of queryClient.getQueryCache().findAll(filters)) {
    if (query.isActive() && query.state.data === undefined && query.state.fetchStatus === "fetching") void query.cancel({ silent: true });
  }
  return queryClient.invalidateQueries(filters);
}

/**
 * Keeps a view live without polling: when an event of `types` arrives on the stream (and `when`
 * says it concerns this view), the queries under `queryKey` (a tRPC `pathKey()`/`queryKey()`)
 * refetch. The stream's provider refetches everything once after a reconnect, so nothing missed
 * while offline stays stale.
 */
export function useLiveInvalidate<T extends TRealtimeEventType>(
  types: readonly T[],
  queryKey: QueryKey,
  opts: { when?: (event: Extract<TRealtimeEvent, { type: T }>) => boolean; throttleMs?: number } = {},
): void {
  const queryClient = useQueryClient();
  const refetch = useThrottledCallback(() => void refetchAfterEvent(queryClient, { queryKey }), opts.throttleMs ?? DEFAULT_THROTTLE_MS);
  useRealtimeEvent(types, (event) => {
    // The stream hands every listener the union; it only calls this one for `types`.
    if (!opts.when || opts.when(event as Extract<TRealtimeEvent, { type: T }>)) refetch();
  });
}
