import { flagService, ZCreateFlagInput, ZFlag, ZFlagDetail, ZFlagKeyInput, ZFlagList, ZMyFlags, ZMyFlagsInput, ZUpdateFlagInput } from "@atrium/core";
import { z } from "zod";
import { router, staffProcedure, tenantProcedure } from "../trpc/init.js";

const tags = ["feature flags"];

export const flagRouter = router({
  mine: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/flags/", tags, summary: "Your evaluated feature flags (key → value) for your home account, or accountId", protect: true } })
    .input(ZMyFlagsInput)
    .output(ZMyFlags)
    .query(({ ctx, input }) => flagService.myFlags(ctx.svc, ctx.tenant, input.accountId)),

  list: staffProcedure
    .meta({ openapi: { method: "GET", path: "/admin/flags/", tags, summary: "Every feature flag with its targeting (staff)", protect: true } })
    .input(z.strictObject({}))
    .output(ZFlagList)
    .query(({ ctx }) => flagService.listFlags(ctx.svc, ctx.actor)),

  get: staffProcedure
    .meta({ openapi: { method: "GET", path: "/admin/flags/{key}/", tags, summary: "A feature flag with its change history (staff)", protect: true } })
    .input(ZFlagKeyInput)
    .output(ZFlagDetail)
    .query(({ ctx, input }) => flagService.getFlag(ctx.svc, ctx.actor, input.key)),

  create: staffProcedure
    .meta({ openapi: { method: "POST", path: "/admin/flags/", tags, summary: "Create a feature flag (staff; audited)", protect: true } })
    .input(ZCreateFlagInput)
    .output(ZFlag)
    .mutation(({ ctx, input }) => flagService.createFlag(ctx.svc, ctx.actor, input, ctx.meta)),

  update: staffProcedure
    .meta({ openapi: { method: "PATCH", path: "/admin/flags/{key}/", tags, summary: "Change a flag's description, targeting or per-environment targeting (staff; audited before/after)", protect: true } })
    .input(ZUpdateFlagInput)
    .output(ZFlag)
    .mutation(({ ctx, input }) => flagService.updateFlag(ctx.svc, ctx.actor, input, ctx.meta)),

  delete: staffProcedure
    .meta({ openapi: { method: "DELETE", path: "/admin/flags/{key}/", tags, summary: "Delete a feature flag; Atrium's own can only be turned off (staff; audited)", protect: true } })
    .input(ZFlagKeyInput)
    .output(ZFlag)
    .mutation(({ ctx, input }) => flagService.deleteFlag(ctx.svc, ctx.actor, input.key, ctx.meta)),
});
