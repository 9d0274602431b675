import { systemJobsService, ZJobPage, ZQueueStatus, ZSystemJobsInput } from "@atrium/core";
import { z } from "zod";
import { router, staffProcedure } from "../trpc/init.js";

const tags = ["system"];

export const systemJobsRouter = router({
  list: staffProcedure
    .meta({ openapi: { method: "GET", path: "/system/jobs/", tags, summary: "Jobs across every tenant (staff; filter by status, type, account)", protect: true } })
    .input(ZSystemJobsInput)
    .output(ZJobPage)
    .query(({ ctx, input }) => systemJobsService.listAllJobs(ctx.svc, input)),

  queues: staffProcedure
    .meta({ openapi: { method: "GET", path: "/system/queues/", tags, summary: "Queue depths and live workers (staff)", protect: true } })
    .input(z.object({}))
    .output(ZQueueStatus)
    .query(({ ctx }) => systemJobsService.queueStatus(ctx.svc, ctx.redis)),
});
