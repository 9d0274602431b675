import { outboxService, ZListOutboxInput, ZOutboxEmail, ZOutboxIdInput, ZOutboxList } from "@atrium/core";
import { router, staffProcedure } from "../trpc/init.js";

const tags = ["admin: email"];

export const outboxRouter = router({
  list: staffProcedure
    .meta({ openapi: { method: "GET", path: "/admin/outbox/", tags, summary: "Recorded emails, newest first, with rendered bodies (staff)", protect: true } })
    .input(ZListOutboxInput)
    .output(ZOutboxList)
    .query(({ ctx, input }) => outboxService.listOutbox(ctx.svc, ctx.actor, input)),

  get: staffProcedure
    .meta({ openapi: { method: "GET", path: "/admin/outbox/{id}/", tags, summary: "One recorded email (staff)", protect: true } })
    .input(ZOutboxIdInput)
    .output(ZOutboxEmail)
    .query(({ ctx, input }) => outboxService.getOutboxEmail(ctx.svc, ctx.actor, input.id)),
});
