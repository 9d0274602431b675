import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "../../lib/query-keys";
import { api } from "../../lib/trpc";
import { isActive } from "../jobs/job-labels";

/** How many recent jobs and documents the dashboard lists. */
export const RECENT = 5;
const ACTIVE_POLL_MS = 3_000;

/** The newest jobs; polled while one of them is still moving, so the dashboard shows it finish. */
export function useRecentJobs() {
  return useQuery({
    queryKey: queryKeys.jobs.recent,
    queryFn: () => api.jobs.list.query({ limit: RECENT }),
    refetchInterval: (query) => (query.state.data?.items.some((j) => isActive(j.status)) ? ACTIVE_POLL_MS : false),
  });
}

export function useRecentDocuments() {
  return useQuery({ queryKey: queryKeys.documents.recent, queryFn: () => api.documents.list.query({ limit: RECENT }) });
}

/** One credit entry is enough to know the account was ever topped up. */
export function useAnyCredit() {
  return useQuery({ queryKey: queryKeys.billing.anyCredit, queryFn: async () => (await api.billing.ledger.query({ type: "credit", limit: 1 })).items.length > 0 });
}
