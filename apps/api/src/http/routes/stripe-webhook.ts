import express from "express";
import { TRPCError } from "@trpc/server";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { ServiceError, stripeBillingService } from "@atrium/core";
import { defineRawRoute } from "./raw-route.js";

/** Mounted under /api. `stripe listen --forward-to localhost:8000/api/billing/webhook/` posts here too. */
export const STRIPE_WEBHOOK_PATH = "/billing/webhook/";

/**
 * Stripe's webhook. The signature covers the exact bytes, so this route reads
 * the raw body itself (whatever the content type) and must be mounted before
 * anything that parses JSON. 400: unsigned/badly signed, nothing stored;
 * 200: applied, or a duplicate of an applied event; 500: Stripe retries.
 */
export const stripeWebhookRoute = defineRawRoute({
  method: "post",
  path: STRIPE_WEBHOOK_PATH,
  procedure: "billing.webhook",
  access: "signed",
  before: [express.raw({ type: () => true, limit: "1mb", inflate: false })],
  async handle({ req, res, ctx }) {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const outcome = await stripeBillingService.receiveStripeWebhook(ctx.svc, body, req.get("stripe-signature"));
      res.status(200).json({ received: true, duplicate: outcome.duplicate, handled: outcome.handled });
    } catch (err) {
      if (!(err instanceof ServiceError) || (err.code !== "BAD_REQUEST" && err.code !== "PRECONDITION_FAILED")) throw err;
      ctx.logger.warn({ reason: err.message }, "stripe webhook refused");
      // Not configured is the server's state, not the event's fault: 503, so Stripe retries once it is.
      throw err.code === "BAD_REQUEST" ? err : new TRPCError({ code: "SERVICE_UNAVAILABLE", message: err.message, cause: err });
    }
  },
});

export const stripeWebhookOpenApiPaths: ZodOpenApiPathsObject = {
  [STRIPE_WEBHOOK_PATH]: {
    post: {
      tags: ["billing"],
      summary: "Stripe webhook (signed with STRIPE_WEBHOOK_SECRET; each event id applied once)",
      description:
        "Handles checkout.session.completed (credits the reserve once per session), payment_intent.succeeded (recorded; clears a payment-failed flag), customer.subscription.created/updated/deleted (subscriptions, newest event wins), invoice.payment_failed (flags the account, emails owners). Other types are stored and ignored.",
      requestBody: { content: { "application/json": { schema: { type: "object" } } } },
      responses: {
        "200": { description: "`{ received: true, duplicate, handled }`" },
        "400": { description: "Missing or invalid Stripe-Signature, or not a Stripe event; nothing applied" },
        "503": { description: "Webhooks not configured (production with the development secret)" },
      },
    },
  },
};
