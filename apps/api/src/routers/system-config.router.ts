import { configReport, ZConfigReport } from "@atrium/core";
import { z } from "zod";
import { router, staffProcedure } from "../trpc/init.js";

export const systemConfigRouter = router({
  get: staffProcedure
    .meta({ openapi: { method: "GET", path: "/system/config/", tags: ["system"], summary: "The effective configuration, secrets redacted, and warnings for this environment (staff)", protect: true } })
    .input(z.strictObject({}))
    .output(ZConfigReport)
    .query(({ ctx }) => configReport(ctx.svc.config, ctx.actor)),
});
