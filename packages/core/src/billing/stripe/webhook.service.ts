import { allowsDevDefaults, DEV_STRIPE_WEBHOOK_SECRET } from "@atrium/config";
import type { ServiceContext } from "../../shared/context.js";
import { ServiceError } from "../../shared/errors.js";
import { inTransaction, isUniqueViolation } from "../../shared/tx.js";
import { claimStripeEvent, markStripeEvent } from "./stripe.repository.js";
import { isStripeSignatureError, verifyWebhook } from "./stripe-client.service.js";
import { ZEventEnvelope, type TEventEnvelope } from "./stripe-object.schema.js";
import { applyEffect } from "./webhook-handler.service.js";
import { applyTopupAtOnce } from "./topup-at-once.service.js";
import { emitTelemetry } from "../../system/telemetry.service.js";

export interface WebhookOutcome {
  eventId: string;
  type: string;
  /** This id was applied before (a retry or a concurrent delivery); nothing was done now. */
  duplicate: boolean;
  handled: boolean;
}

/**
 * Checks the Stripe-Signature against STRIPE_WEBHOOK_SECRET over the exact raw
 * bytes. Anything unsigned, badly signed, stale (over 5 minutes) or malformed
 * is a 400, before any database work.
 */
export function verifyStripeDelivery(ctx: ServiceContext, rawBody: Buffer, signature: string | undefined): TEventEnvelope {
  const secret = ctx.config.STRIPE_WEBHOOK_SECRET;
  // The default secret is public: in production it would let anyone mint top-ups.
  if (!allowsDevDefaults(ctx.config) && secret === DEV_STRIPE_WEBHOOK_SECRET) {
    throw new ServiceError("PRECONDITION_FAILED", "Stripe webhooks are not configured (set STRIPE_WEBHOOK_SECRET)");
  }
  if (!signature) throw new ServiceError("BAD_REQUEST", "Missing Stripe-Signature header");
  let event: unknown;
  try {
    event = verifyWebhook(rawBody, signature, secret);
  } catch (err) {
    if (isStripeSignatureError(err)) throw new ServiceError("BAD_REQUEST", "Invalid Stripe-Signature");
    throw new ServiceError("BAD_REQUEST", "The body is not a Stripe event");
  }
  const parsed = ZEventEnvelope.safeParse(event);
  if (!parsed.success) throw new ServiceError("BAD_REQUEST", "The body is not a Stripe event");
  return parsed.data;
}

/** Concurrent deliveries resolve on the primary key; a retry covers the rare unique race elsewhere (e.g. two events for one session). */
const MAX_ATTEMPTS = 3;

/**
 * Applies a verified event exactly once: its id goes into stripe_events in the
 * same transaction as its effect (for a paid top-up, the same statement: see
 * applyTopupAtOnce), so a retry or a concurrent copy finds the id
 * taken (duplicate) and a failed effect rolls the id back for Stripe's retry.
 */
export async function applyStripeEvent(ctx: ServiceContext, event: TEventEnvelope): Promise<WebhookOutcome> {
  const atOnce = await applyTopupAtOnce(ctx, event);
  if (atOnce) return { eventId: event.id, type: event.type, ...atOnce };
  for (let attempt = 1; ; attempt++) {
    try {
      let afterCommit: (() => Promise<void>) | undefined;
      const outcome = await inTransaction(ctx, async (tx, txCtx) => {
        const claimed = await claimStripeEvent(tx, {
          id: event.id,
          type: event.type,
          payload: event as unknown as Record<string, unknown>,
          stripeCreatedAt: new Date(event.created * 1000),
        });
        if (!claimed) return { eventId: event.id, type: event.type, duplicate: true, handled: false };
        const result = await applyEffect(txCtx, event);
        if (!result.recorded) await markStripeEvent(tx, event.id, { handled: result.handled, accountId: result.accountId });
        afterCommit = result.afterCommit;
        return { eventId: event.id, type: event.type, duplicate: false, handled: result.handled };
      });
      await afterCommit?.();
      return outcome;
    } catch (err) {
      if (attempt < MAX_ATTEMPTS && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}

export async function receiveStripeWebhook(ctx: ServiceContext, rawBody: Buffer, signature: string | undefined): Promise<WebhookOutcome> {
  let event: TEventEnvelope;
  try {
    event = verifyStripeDelivery(ctx, rawBody, signature);
  } catch (err) {
    emitTelemetry("webhook.event", { provider: "stripe", type: "unverified", outcome: "rejected" });
    throw err;
  }
  try {
    const outcome = await applyStripeEvent(ctx, event);
    ctx.logger.info({ ...outcome }, "stripe event received");
    emitTelemetry("webhook.event", { provider: "stripe", type: event.type, outcome: outcome.duplicate ? "duplicate" : outcome.handled ? "processed" : "ignored" });
    return outcome;
  } catch (err) {
    emitTelemetry("webhook.event", { provider: "stripe", type: event.type, outcome: "failed" });
    throw err;
  }
}
