import { ANALYSIS_JOBS, runAnalysisJob } from "@atrium/core";
import { attemptOf, defineProcessor } from "../base.js";

/** One analysis job, start to end: the run (state machine, pipelines, cost) lives in core. */
export const runAnalysisProcessor = defineProcessor(ANALYSIS_JOBS.run, ({ jobId }, ctx) => runAnalysisJob(ctx, attemptOf(ctx), jobId));
