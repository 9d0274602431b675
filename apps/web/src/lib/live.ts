import { useThrottledCallback } from "@mantine/hooks";
import { useQueryClient, type InvalidateQueryFilters, type Query, type QueryClient, type QueryKey } from "@tanstack/react-query";
import type { TRealtimeEvent, TRealtimeEventType } from "@atrium/sdk";
import { useRealtimeEvent } from "./realtime";

/** A burst (a hundred jobs finishing at once) is one refetch now and one at the end of the window, not a hundred. */
const DEFAULT_THROTTLE_MS = 500;

/** Queries already due a fetch after the one in flight (see refetchAfterEvent). */
const queued = new WeakSet<Query>();

/**
 * Refetches the queries `filters` match because an event said they changed. A fetch of one of them
 * already in flight may have read before the event's change committed, yet it is not restarted: a
 * restart would drop a "Load more" in flight (an infinite query refetches only the pages it has), and
 * a stream of events could keep a slow fetch from ever landing (TanStack doesn't restart a FIRST fetch
 * anyway, and its stale answer stood until the next event: a job that ended in that window stayed
 * "running" on its page). Such a query is fetched once more when its fetch has landed, once however
 * many events arrive meanwhile (a new stream's replay of the seconds before it comes as a burst).
 */
export async function refetchAfterEvent(queryClient: QueryClient, filters: InvalidateQueryFilters): Promise<void> {
  const racing = queryClient.getQueryCache().findAll(filters).filter((q) => q.isActive() && q.state.fetchStatus === "fetching" && !queued.has(q));
  for (const q of racing) queued.add(q);
  try {
    await queryClient.invalidateQueries(filters, { cancelRefetch: false });
  } finally {
    for (const q of racing) queued.delete(q);
  }
  if (racing.length) await queryClient.invalidateQueries({ predicate: (q) => racing.includes(q) }, { cancelRefetch: false });
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
