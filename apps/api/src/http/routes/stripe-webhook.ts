import express, { Router, type Request } from "express";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { ServiceError, stripeBillingService, type ServiceContext } from "@atrium/core";
import type { Logger } from "@atrium/config";
import type { ApiDeps } from "../../deps.js";

/** Mounted under /api. `stripe listen --forward-to localhost:8000/api/billing/webhook/` posts here too. */
export const STRIPE_WEBHOOK_PATH = "/billing/webhook/";

export const serviceContextFor = (deps: ApiDeps, req: Request): ServiceContext => ({
  db: deps.db,
  config: deps.config,
  logger: (req as Request & { log?: Logger }).log ?? deps.logger,
  now: deps.now,
  jobs: deps.jobs,
  flags: deps.flags,
});

/**
 * Stripe's webhook. The signature covers the exact bytes, so this route reads
 * the raw body itself (whatever the content type) and must be mounted before
 * anything that parses JSON. 400: unsigned/badly signed, nothing stored;
 * 200: applied, or a duplicate of an applied event; 500: Stripe retries.
 */
export function stripeWebhookRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.post(STRIPE_WEBHOOK_PATH, express.raw({ type: () => true, limit: "1mb", inflate: false }), async (req, res) => {
    const svc = serviceContextFor(deps, req);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const outcome = await stripeBillingService.receiveStripeWebhook(svc, body, req.get("stripe-signature"));
      res.status(200).json({ received: true, duplicate: outcome.duplicate, handled: outcome.handled });
    } catch (err) {
      if (err instanceof ServiceError && (err.code === "BAD_REQUEST" || err.code === "PRECONDITION_FAILED")) {
        const status = err.code === "BAD_REQUEST" ? 400 : 503;
        svc.logger.warn({ reason: err.message }, "stripe webhook refused");
        res.status(status).json({ message: err.message, code: err.code });
        return;
      }
      svc.logger.error({ err }, "stripe webhook failed; Stripe will retry");
      res.status(500).json({ message: "Internal server error", code: "INTERNAL_SERVER_ERROR" });
    }
  });
  return r;
}

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
