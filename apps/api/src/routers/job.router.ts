import { z } from "zod";
import {
  jobReadService,
  jobService,
  ZCreateJobInput,
  ZEstimateJobInput,
  ZJob,
  ZJobEstimate,
  ZJobEventList,
  ZJobEventsInput,
  ZJobIdInput,
  ZJobPage,
  ZListJobsInput,
} from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["jobs"];


export const jobRouter = router({
  create: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/jobs/", tags, summary: "Start a job (document_analysis, resume_match, resume_parse, worklog_summary, interview_transcription, noop); 402 when the reserve can't pay", protect: true } })
    .input(ZCreateJobInput)
    .output(ZJob)
    .mutation(({ ctx, input }) => jobService.createJob(ctx.svc, ctx.tenant, input, ctx.meta)),

  estimate: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/jobs/estimate/", tags, summary: "Estimated cost of a job and the low-balance policy's verdict", protect: true } })
    .input(ZEstimateJobInput)
    .output(ZJobEstimate)
    .query(({ ctx, input }) => jobService.estimateJob(ctx.svc, ctx.tenant, input)),

  list: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/jobs/", tags, summary: "Jobs of an account, newest first (paged; filter by status and type)", protect: true } })
    .input(ZListJobsInput)
    .output(ZJobPage)
    .query(({ ctx, input }) => jobReadService.listJobs(ctx.svc, ctx.tenant, input)),

  get: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/jobs/{id}/", tags, summary: "One job with its result and cost", protect: true } })
    .input(ZJobIdInput)
    .output(ZJob)
    .query(({ ctx, input }) => jobReadService.getJob(ctx.svc, ctx.tenant, input.id)),

  events: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/jobs/{id}/events/", tags, summary: "The job's timeline after afterSeq, for polling until done", protect: true } })
    .input(ZJobEventsInput)
    .output(ZJobEventList)
    .query(({ ctx, input }) => jobReadService.listEvents(ctx.svc, ctx.tenant, input)),

  cancel: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/jobs/{id}/cancel/", tags, summary: "Cancel a queued job, or ask a running one to stop at its next step", protect: true } })
    .input(ZJobIdInput.extend({ reason: z.string().max(200).optional() }))
    .output(ZJob)
    .mutation(({ ctx, input }) => jobService.cancelJob(ctx.svc, ctx.tenant, input.id, ctx.meta)),
});
