import { metricsService, ZMetricsSummary, ZMetricsSummaryInput } from "@atrium/core";
import { router, staffProcedure } from "../trpc/init.js";

export const systemMetricsRouter = router({
  summary: staffProcedure
    .meta({ openapi: { method: "GET", path: "/system/metrics/summary/", tags: ["system"], summary: "Revenue: MRR, ARR, churn, top-ups, with a daily series", protect: true } })
    .input(ZMetricsSummaryInput)
    .output(ZMetricsSummary)
    .query(({ ctx, input }) => metricsService.metricsSummary(ctx.svc, ctx.actor, input)),
});
