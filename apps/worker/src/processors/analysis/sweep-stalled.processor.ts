import { ANALYSIS_JOBS, sweepStalledJobs } from "@atrium/core";
import { defineProcessor } from "../base.js";

/** Fails jobs left `running` past JOB_RUNNING_DEADLINE_MINUTES that no worker holds any more. */
export const sweepStalledProcessor = defineProcessor(ANALYSIS_JOBS.sweepStalled, async ({ olderThanMinutes }, ctx) => {
  const { failed } = await sweepStalledJobs(ctx, olderThanMinutes);
  if (failed.length) ctx.logger.warn({ failed }, "stalled jobs failed");
  return { failed: failed.length };
});
