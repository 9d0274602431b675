import { randomBytes } from "node:crypto";
import type { ServiceContext } from "../../shared/context.js";
import { ServiceError } from "../../shared/errors.js";
import { formatCents } from "../money.service.js";
import { returnUrls, TOPUP_KIND } from "./checkout.service.js";
import { verifyLocalSession } from "./local-session.service.js";
import { localCheckoutEnabled } from "./provider.service.js";
import { accountName } from "./stripe.repository.js";
import { signWebhookPayload } from "./stripe-client.service.js";

export interface LocalCheckoutView {
  sessionId: string;
  accountId: string;
  accountName: string;
  amountCents: number;
  /** "$50.00" */
  amountLabel: string;
  currency: string;
  expiresAt: Date;
  successUrl: string;
  cancelUrl: string;
}

/** What the local checkout page shows; refuses tampered or expired ids, and exists only where the local provider does. */
export async function describeLocalCheckout(ctx: ServiceContext, sessionId: string): Promise<LocalCheckoutView> {
  if (!localCheckoutEnabled(ctx.config)) throw new ServiceError("NOT_FOUND", "The local checkout is not available here");
  const s = verifyLocalSession(ctx.config.SESSION_SECRET, sessionId, ctx.now());
  const { successUrl, cancelUrl } = returnUrls(ctx.config.PUBLIC_URL, sessionId);
  return { sessionId, ...s, amountLabel: formatCents(s.amountCents, s.currency), accountName: await accountName(ctx.db, s.accountId), successUrl, cancelUrl };
}

/**
 * The checkout.session.completed Stripe would send for this session, signed
 * with STRIPE_WEBHOOK_SECRET like a real delivery. The api posts it to its own
 * webhook route, so development exercises the production path end to end.
 */
export function buildLocalCheckoutEvent(ctx: ServiceContext, view: LocalCheckoutView): { eventId: string; payload: string; signature: string } {
  const created = Math.floor(ctx.now().getTime() / 1000);
  const eventId = `evt_local_${randomBytes(12).toString("hex")}`;
  const metadata = { accountId: view.accountId, kind: TOPUP_KIND };
  const event = {
    id: eventId,
    object: "event",
    api_version: null,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "checkout.session.completed",
    data: {
      object: {
        id: view.sessionId,
        object: "checkout.session",
        mode: "payment",
        status: "complete",
        payment_status: "paid",
        amount_subtotal: view.amountCents,
        amount_total: view.amountCents,
        currency: view.currency,
        client_reference_id: view.accountId,
        customer: null,
        payment_intent: null,
        created,
        expires_at: Math.floor(view.expiresAt.getTime() / 1000),
        livemode: false,
        metadata,
        success_url: view.successUrl,
        cancel_url: view.cancelUrl,
      },
    },
  };
  const payload = JSON.stringify(event);
  return { eventId, payload, signature: signWebhookPayload(payload, ctx.config.STRIPE_WEBHOOK_SECRET, created) };
}
