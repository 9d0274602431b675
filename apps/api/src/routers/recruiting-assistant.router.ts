import { recruitingAssistantService, ZAskAssistantInput, ZAssistantAnswer } from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["recruiting"];

/** "Ask about this candidate / this posting": the employer's own data through the configured chat provider. */
export const recruitingAssistantRouter = router({
  ask: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/recruiting/assistant/ask/", tags, summary: "Ask about one of your postings or applications; the answer cites its sources (412 without a chat provider, 402 when the reserve can't pay)", protect: true } })
    .input(ZAskAssistantInput)
    .output(ZAssistantAnswer)
    .mutation(({ ctx, input }) => recruitingAssistantService.ask(ctx.svc, ctx.tenant, input, ctx.meta)),
});
