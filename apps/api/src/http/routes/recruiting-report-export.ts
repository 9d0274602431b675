import type { ZodOpenApiPathsObject } from "zod-openapi";
import { loadTenantActor, recruitingReportService, ZRecruitingReportInput, type TFunnelRow, type TSourceRow, type TTimeToHireRow } from "@atrium/core";
import { csvExportRoute } from "./csv-export.js";

/**
 * A report's rows as the stream csvExportRoute reads (reports are small: one row per posting or source).
 * Takes the rows already computed, so a refusal is answered before the download starts.
 */
async function* each<R>(rows: R[]): AsyncIterable<R> {
  yield* rows;
}
const num = (n: number | null) => (n === null ? "" : String(n));

const FUNNEL = ["postingId", "postingTitle", "applied", "screening", "interview", "offer", "hired", "rejected", "withdrawn"] as const;
const TIME_TO_HIRE = ["postingId", "postingTitle", "hires", "medianDays", "averageDays"] as const;
const SOURCES = ["source", "applications", "hires", "hireRate"] as const;

export const funnelExportRoute = csvExportRoute({
  path: "/recruiting/reports/funnel.csv",
  procedure: "recruiting.reports.exportFunnel",
  access: "user",
  filters: ZRecruitingReportInput,
  columns: FUNNEL,
  filename: (date) => `recruiting-funnel-${date}.csv`,
  load: async (ctx, actor, filters) => each(await recruitingReportService.funnelReport(ctx.svc, await loadTenantActor(ctx.svc.db, actor), filters).then((r) => r.items)),
  toRecord: (r: TFunnelRow) => ({ ...r, applied: num(r.applied), screening: num(r.screening), interview: num(r.interview), offer: num(r.offer), hired: num(r.hired), rejected: num(r.rejected), withdrawn: num(r.withdrawn) }),
});

export const timeToHireExportRoute = csvExportRoute({
  path: "/recruiting/reports/time-to-hire.csv",
  procedure: "recruiting.reports.exportTimeToHire",
  access: "user",
  filters: ZRecruitingReportInput,
  columns: TIME_TO_HIRE,
  filename: (date) => `recruiting-time-to-hire-${date}.csv`,
  // The overall row first, as a posting named "All postings".
  load: async (ctx, actor, filters) =>
    each(await recruitingReportService.timeToHireReport(ctx.svc, await loadTenantActor(ctx.svc.db, actor), filters).then((r) => [{ postingId: "", postingTitle: "All postings", ...r.overall }, ...r.items])),
  toRecord: (r: TTimeToHireRow) => ({ postingId: r.postingId, postingTitle: r.postingTitle, hires: num(r.hires), medianDays: num(r.medianDays), averageDays: num(r.averageDays) }),
});

export const sourcesExportRoute = csvExportRoute({
  path: "/recruiting/reports/sources.csv",
  procedure: "recruiting.reports.exportSources",
  access: "user",
  filters: ZRecruitingReportInput,
  columns: SOURCES,
  filename: (date) => `recruiting-sources-${date}.csv`,
  load: async (ctx, actor, filters) => each(await recruitingReportService.sourceReport(ctx.svc, await loadTenantActor(ctx.svc.db, actor), filters).then((r) => r.items)),
  toRecord: (r: TSourceRow) => ({ source: r.source, applications: num(r.applications), hires: num(r.hires), hireRate: num(r.hireRate) }),
});

export const RECRUITING_REPORT_EXPORT_ROUTES = [funnelExportRoute, timeToHireExportRoute, sourcesExportRoute];

const csvDoc = (summary: string, columns: readonly string[]) => ({
  get: {
    tags: ["recruiting-reports"],
    summary,
    security: [{ bearer: [] }],
    requestParams: { query: ZRecruitingReportInput },
    responses: {
      "200": { description: `CSV with a header row: ${columns.join(", ")}`, content: { "text/csv": { schema: { type: "string" as const } } } },
      "400": { description: "Invalid filter; `data.fieldErrors` names the fields" },
      "401": { description: "Not authenticated" },
      "403": { description: "No recruiting role in this account" },
      "404": { description: "No such account" },
      "429": { description: "Rate limited; see Retry-After" },
    },
  },
});

export const recruitingReportOpenApiPaths: ZodOpenApiPathsObject = {
  "/recruiting/reports/funnel.csv": csvDoc("Pipeline funnel per posting as CSV", FUNNEL),
  "/recruiting/reports/time-to-hire.csv": csvDoc("Time to hire per posting (first row: all postings) as CSV", TIME_TO_HIRE),
  "/recruiting/reports/sources.csv": csvDoc("Source of candidates as CSV", SOURCES),
};
