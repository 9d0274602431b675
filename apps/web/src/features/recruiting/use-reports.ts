import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs, TRecruitingReportInput } from "@atrium/sdk";
import { trpc } from "../../lib/trpc";

export type FunnelReport = RouterOutputs["recruiting"]["reports"]["funnel"];
export type TimeToHireReport = RouterOutputs["recruiting"]["reports"]["timeToHire"];
export type SourceReport = RouterOutputs["recruiting"]["reports"]["sources"];
export type ReportRange = Pick<TRecruitingReportInput, "from" | "to">;

const clean = (r: ReportRange): ReportRange => ({ ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}) });

export const useFunnelReport = (r: ReportRange) => useQuery(trpc.recruiting.reports.funnel.queryOptions(clean(r)));
export const useTimeToHireReport = (r: ReportRange) => useQuery(trpc.recruiting.reports.timeToHire.queryOptions(clean(r)));
export const useSourceReport = (r: ReportRange) => useQuery(trpc.recruiting.reports.sources.queryOptions(clean(r)));

/** The CSV download of one report, same range (a plain link: the session cookie authenticates it). */
export function csvUrl(report: "funnel" | "time-to-hire" | "sources", r: ReportRange): string {
  const query = new URLSearchParams(clean(r) as Record<string, string>).toString();
  return `/api/recruiting/reports/${report}.csv${query ? `?${query}` : ""}`;
}
