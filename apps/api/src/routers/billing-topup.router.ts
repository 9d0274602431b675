import { stripeBillingService, ZCreateTopupSessionInput, ZTopupSession } from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["billing"];

export const billingTopupRouter = router({
  createSession: tenantProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/billing/topup/session/",
        tags,
        summary: "Start a reserve top-up: a checkout session (Stripe, or the local checkout without STRIPE_SECRET_KEY); the webhook credits once paid",
        protect: true,
      },
    })
    .input(ZCreateTopupSessionInput)
    .output(ZTopupSession)
    .mutation(({ ctx, input }) => stripeBillingService.createTopupSession(ctx.svc, ctx.actor, ctx.tenant, input)),
});
