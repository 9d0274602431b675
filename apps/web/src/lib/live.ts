import { useThrottledCallback } from "@mantine/hooks";
import { useQueryClient, type InvalidateQueryFilters, type Query, type QueryClient, type QueryKey } from "@tanstack/react-query";
import type { TRealtimeEvent, TRealtimeEventType } from "@atrium/sdk";
import { useRealtimeEvent } from "./realtime";

/** A burst (a hundred jobs finishing at once) is one refetch now and one at the end of the window, not a hundred. */
const DEFAULT_THROTTLE_MS = 500;

/** Queries whose first fetch already has a fetch after it coming (see refetchAfterEvent). */
const queued = new WeakSet<Query>();

/**
 * Refetches the queries `filters` match because an event said they changed. TanStack answers a
 * refetch of a query whose FIRST fetch is still in flight with that same fetch (it restarts only
 * fetches of queries that have data), and that fetch may have read before the event's change
 * committed: its stale answer would then stand until the next event, for a job's page that ended
 * in that window, forever. Such a query (on screen) is fetched once more when that first fetch has
 * landed; it is not restarted, so a stream of events can't keep a slow first fetch from ever landing.
 */
export async function refetchAfterEvent(queryClient: QueryClient, filters: InvalidateQueryFilters): Promise<void> {
  // A burst during one first fetch (a new stream's replay of the seconds before it) needs one fetch after it, not one per event.
  const racing = queryClient.getQueryCache().findAll(filters).filter((q) => q.isActive() && q.state.data === undefined && q.state.fetchStatus === "fetching" && !queued.has(q));
  for (const q of racing) queued.add(q);
  try {
    await queryClient.invalidateQueries(filters);
  } finally {
    for (const q of racing) queued.delete(q);
  }
  if (racing.length) await queryClient.invalidateQueries({ predicate: (q) => racing.includes(q) });
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
