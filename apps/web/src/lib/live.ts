import { useThrottledCallback } from "@mantine/hooks";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import type { TRealtimeEvent, TRealtimeEventType } from "@atrium/sdk";
import { useRealtimeEvent } from "./realtime";

/** A burst (a hundred jobs finishing at once) is one refetch now and one at the end of the window, not a hundred. */
const DEFAULT_THROTTLE_MS = 500;

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
  const refetch = useThrottledCallback(() => void queryClient.invalidateQueries({ queryKey }), opts.throttleMs ?? DEFAULT_THROTTLE_MS);
  useRealtimeEvent(types, (event) => {
    // The stream hands every listener the union; it only calls this one for `types`.
    if (!opts.when || opts.when(event as Extract<TRealtimeEvent, { type: T }>)) refetch();
  });
}
