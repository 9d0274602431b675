import { recruitingReportService, ZFunnelReport, ZRecruitingReportInput, ZSourceReport, ZTimeToHireReport } from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["recruiting-reports"];

/** Recruiting reports over an optional range of application days; CSV downloads are raw routes (http/routes/recruiting-report-export.ts). */
export const recruitingReportRouter = router({
  funnel: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/recruiting/reports/funnel/", tags, summary: "Pipeline funnel per posting: applications that reached each stage", protect: true } })
    .input(ZRecruitingReportInput)
    .output(ZFunnelReport)
    .query(({ ctx, input }) => recruitingReportService.funnelReport(ctx.svc, ctx.tenant, input)),

  timeToHire: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/recruiting/reports/time-to-hire/", tags, summary: "Days from applying to hired: median and average, per posting and overall", protect: true } })
    .input(ZRecruitingReportInput)
    .output(ZTimeToHireReport)
    .query(({ ctx, input }) => recruitingReportService.timeToHireReport(ctx.svc, ctx.tenant, input)),

  sources: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/recruiting/reports/sources/", tags, summary: "Applications, hires and hire rate per source of candidates", protect: true } })
    .input(ZRecruitingReportInput)
    .output(ZSourceReport)
    .query(({ ctx, input }) => recruitingReportService.sourceReport(ctx.svc, ctx.tenant, input)),
});
