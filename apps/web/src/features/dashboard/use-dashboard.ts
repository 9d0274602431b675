import { useQuery } from "@tanstack/react-query";
import { useLiveInvalidate } from "../../lib/live";
import { trpc } from "../../lib/trpc";

/** How many recent jobs and documents the dashboard lists. */
export const RECENT = 5;

/** The newest jobs; live, so the dashboard shows them start and finish. */
export function useRecentJobs() {
  useLiveInvalidate(["job.updated"], trpc.jobs.list.queryKey({ limit: RECENT }));
  return useQuery(trpc.jobs.list.queryOptions({ limit: RECENT }));
}

export function useRecentDocuments() {
  useLiveInvalidate(["document.updated"], trpc.documents.list.queryKey({ limit: RECENT }));
  return useQuery(trpc.documents.list.queryOptions({ limit: RECENT }));
}

/** One credit entry is enough to know the account was ever topped up (a credit invalidates every ledger query). */
export function useAnyCredit() {
  return useQuery(trpc.billing.ledger.queryOptions({ type: "credit", limit: 1 }, { select: (page) => page.items.length > 0 }));
}
