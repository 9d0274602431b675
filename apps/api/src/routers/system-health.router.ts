import { healthService, storageFromConfig, transportFromConfig, ZSystemHealth } from "@atrium/core";
import { z } from "zod";
import { router, staffProcedure } from "../trpc/init.js";

export const systemHealthRouter = router({
  get: staffProcedure
    .meta({ openapi: { method: "GET", path: "/system/health/", tags: ["system"], summary: "Deep health: Postgres, Redis, storage, email, workers, queues (staff)", protect: true } })
    .input(z.strictObject({}))
    .output(ZSystemHealth)
    .query(({ ctx }) => healthService.systemHealth(ctx.svc, ctx.actor, { redis: ctx.redis, storage: storageFromConfig(ctx.svc.config), emailTransport: transportFromConfig(ctx.svc.config) })),
});
