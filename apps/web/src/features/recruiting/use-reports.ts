import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs, TRecruitingReportInput } from "@atrium/sdk";
import { trpc } from "../../lib/trpc";

export type FunnelReport = RouterOutputs["recruiting"]["reports"]["funnel"];
export type TimeToHireReport = RouterOutputs["recruiting"]["reports"]["timeToHire"];
export type SourceReport = RouterOutputs["recruiting"]["reports"]["sources"];
export type ReportRange = Pick<TRecruitingReportInput, "from" | "to">;

/** Which employer's applications, over which range; an empty bound is no bound. */
export type ReportScope = ReportRange & { accountId: string };

/** The range as the contract takes it: an empty field is no bound. */
export const cleanRange = (r: ReportRange): ReportRange => ({ ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}) });
const clean = (r: ReportScope): TRecruitingReportInput => ({ accountId: r.accountId, ...cleanRange(r) });

// Until the employer is known (memberships loading) nothing is asked: the home account may not be the one shown.
export const useFunnelReport = (r: ReportScope) => useQuery({ ...trpc.recruiting.reports.funnel.queryOptions(clean(r)), enabled: r.accountId !== "" });
export const useTimeToHireReport = (r: ReportScope) => useQuery({ ...trpc.recruiting.reports.timeToHire.queryOptions(clean(r)), enabled: r.accountId !== "" });
export const useSourceReport = (r: ReportScope) => useQuery({ ...trpc.recruiting.reports.sources.queryOptions(clean(r)), enabled: r.accountId !== "" });

/** The CSV download of one report, same employer and range (a plain link: the session cookie authenticates it). */
export function csvUrl(report: "funnel" | "time-to-hire" | "sources", r: ReportScope): string {
  const query = new URLSearchParams(clean(r) as Record<string, string>).toString();
  return `/api/recruiting/reports/${report}.csv${query ? `?${query}` : ""}`;
}
