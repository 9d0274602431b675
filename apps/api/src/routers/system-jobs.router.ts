import { systemJobsService, ZJob, ZJobPage, ZQueueStatus, ZSystemJobsInput } from "@atrium/core";
import { z } from "zod";
import { router, staffProcedure } from "../trpc/init.js";

const tags = ["system"];

export const systemJobsRouter = router({
  list: staffProcedure
    .meta({ openapi: { method: "GET", path: "/system/jobs/", tags, summary: "Jobs across every tenant (staff; filter by status, type, account)", protect: true } })
    .input(ZSystemJobsInput)
    .output(ZJobPage)
    .query(({ ctx, input }) => systemJobsService.listAllJobs(ctx.svc, ctx.actor, input)),

  queues: staffProcedure
    .meta({ openapi: { method: "GET", path: "/system/queues/", tags, summary: "Queue depths and live workers (staff)", protect: true } })
    .input(z.strictObject({}))
    .output(ZQueueStatus)
    .query(({ ctx }) => systemJobsService.queueStatus(ctx.svc, ctx.actor, ctx.redis)),

  retry: staffProcedure
    .meta({ openapi: { method: "POST", path: "/system/jobs/{id}/retry/", tags, summary: "Queue a failed or cancelled job again (staff)", protect: true } })
    .input(z.strictObject({ id: z.uuid("Not a valid job id") }))
    .output(ZJob)
    .mutation(({ ctx, input }) => systemJobsService.retryJob(ctx.svc, ctx.actor, input.id, ctx.meta)),
});
