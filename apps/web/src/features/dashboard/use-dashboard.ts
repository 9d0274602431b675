import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";
import { isActive } from "../jobs/job-labels";

/** How many recent jobs and documents the dashboard lists. */
export const RECENT = 5;
const ACTIVE_POLL_MS = 3_000;

/** The newest jobs; polled while one of them is still moving, so the dashboard shows it finish. */
export function useRecentJobs() {
  return useQuery(trpc.jobs.list.queryOptions({ limit: RECENT }, { refetchInterval: (query) => (query.state.data?.items.some((j) => isActive(j.status)) ? ACTIVE_POLL_MS : false) }));
}

export function useRecentDocuments() {
  return useQuery(trpc.documents.list.queryOptions({ limit: RECENT }));
}

/** One credit entry is enough to know the account was ever topped up (a credit invalidates every ledger query). */
export function useAnyCredit() {
  return useQuery(trpc.billing.ledger.queryOptions({ type: "credit", limit: 1 }, { select: (page) => page.items.length > 0 }));
}
