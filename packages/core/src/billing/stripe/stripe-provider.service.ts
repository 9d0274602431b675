import type Stripe from "stripe";
import { TOPUP_KIND } from "./checkout.service.js";
import type { BillingProvider, CheckoutRequest, CheckoutSession } from "./provider.service.js";

// Shown on the payer's receipt: "balance", the word the SPA uses, not the ledger's "reserve".
const PRODUCT_NAME = "Atrium balance top-up";

/**
 * Hosted Stripe Checkout in "payment" mode: one line item of exactly the
 * amount, and the tenant in metadata on both the session and its
 * PaymentIntent, which is all the webhook needs to credit the right reserve.
 */
export function stripeProvider(stripe: Stripe): BillingProvider {
  return {
    name: "stripe",
    async createCheckoutSession(req: CheckoutRequest): Promise<CheckoutSession> {
      let customer = req.customerId ?? undefined;
      let createdCustomerId: string | undefined;
      // Stripe replays the first answer for a key it has seen (24 h), so a resent request reuses the session.
      const keyed = (scope: string) => (req.idempotencyKey ? { idempotencyKey: `atrium:${scope}:${req.accountId}:${req.idempotencyKey}` } : undefined);
      if (!customer) {
        const created = await stripe.customers.create({
          ...(req.customerEmail ? { email: req.customerEmail } : {}),
          ...(req.accountName ? { name: req.accountName } : {}),
          metadata: { accountId: req.accountId },
        }, keyed("topup-customer"));
        customer = createdCustomerId = created.id;
      }
      const metadata = { accountId: req.accountId, kind: TOPUP_KIND };
      const session = await stripe.checkout.sessions.create({
        mode: "payment",
        customer,
        client_reference_id: req.accountId,
        line_items: [{ quantity: 1, price_data: { currency: req.currency, unit_amount: req.amountCents, product_data: { name: PRODUCT_NAME } } }],
        metadata,
        payment_intent_data: { metadata },
        success_url: req.successUrl,
        cancel_url: req.cancelUrl,
      }, keyed(`topup-${req.amountCents}`));
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a url`);
      return { sessionId: session.id, checkoutUrl: session.url, ...(createdCustomerId ? { createdCustomerId } : {}) };
    },
  };
}
