import { restFetch, type RestTarget } from "../rest.js";

export type RecruitingReport = "funnel" | "time-to-hire" | "sources";
export interface RecruitingReportRange {
  /** The employer; your home account when left out. */
  accountId?: string;
  /** First and last day (YYYY-MM-DD, UTC) applications arrived. */
  from?: string;
  to?: string;
}

/**
 * A recruiting report as CSV. The downloads are raw routes (a file, not a tRPC answer), so the
 * typed client can't reach them; the same reports as data are `client.recruiting.reports.*`.
 */
export async function recruitingReportCsv(target: RestTarget, report: RecruitingReport, range: RecruitingReportRange = {}, opts: { signal?: AbortSignal } = {}): Promise<string> {
  const res = await restFetch(target, { path: `/recruiting/reports/${report}.csv`, query: { ...range }, idempotent: true, signal: opts.signal });
  return res.text();
}
