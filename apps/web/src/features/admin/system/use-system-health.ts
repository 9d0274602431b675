import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "../../../lib/query-keys";
import { api } from "../../../lib/trpc";

/** Often enough to watch a restart happen, rarely enough that the probes (a storage write each) stay cheap. */
export const HEALTH_POLL_MS = 5_000;

export function useSystemHealth() {
  return useQuery({
    queryKey: queryKeys.admin.health,
    queryFn: () => api.system.health.get.query({}),
    refetchInterval: HEALTH_POLL_MS,
    // Keep showing the last answer while the next one loads or if it fails.
    placeholderData: (previous) => previous,
  });
}
