import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { trpc } from "../../../lib/trpc";

/**
 * Asked when the page opens and when staff press "Refresh", never on a timer: each answer probes every
 * dependency (a storage write among them), and a page left open must not keep doing that.
 */
export function useSystemHealth() {
  // Keep showing the last answer while the next one loads or if it fails.
  return useQuery(trpc.system.health.get.queryOptions({}, { placeholderData: keepPreviousData }));
}
