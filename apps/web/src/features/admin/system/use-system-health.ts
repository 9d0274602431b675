import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { trpc } from "../../../lib/trpc";

/** Often enough to watch a restart happen, rarely enough that the probes (a storage write each) stay cheap. */
export const HEALTH_POLL_MS = 5_000;

export function useSystemHealth() {
  // Keep showing the last answer while the next one loads or if it fails.
  return useQuery(trpc.system.health.get.queryOptions({}, { refetchInterval: HEALTH_POLL_MS, placeholderData: keepPreviousData }));
}
