import { allowsDevDefaults, type Env } from "@atrium/config";
import { localProvider } from "./local-provider.service.js";
import { stripeProvider } from "./stripe-provider.service.js";
import { createStripeClient } from "./stripe-client.service.js";
import type { TTopupProvider } from "./topup.schema.js";

export interface CheckoutRequest {
  accountId: string;
  amountCents: number;
  currency: string;
  customerEmail: string | null;
  successUrl: string;
  cancelUrl: string;
  /** The reserve's Stripe customer, when it has one already. */
  customerId?: string | null;
  accountName?: string;
  /** The caller's key: the same key and request give the same session (and one credit). */
  idempotencyKey?: string;
}

export interface CheckoutSession {
  sessionId: string;
  checkoutUrl: string;
  /** A customer the provider created for this request; the caller stores it on the reserve. */
  createdCustomerId?: string;
}

/** Where a top-up's money comes from. Both implementations end in a checkout.session.completed webhook. */
export interface BillingProvider {
  readonly name: TTopupProvider;
  createCheckoutSession(req: CheckoutRequest): Promise<CheckoutSession>;
}

/**
 * The local checkout credits without real money, so it exists only in
 * development and tests, and never next to a real Stripe key (it would sign
 * events with the real webhook secret).
 */
export const localCheckoutEnabled = (config: Env) => !config.STRIPE_SECRET_KEY && allowsDevDefaults(config);

/** Stripe when STRIPE_SECRET_KEY is set, the local checkout otherwise; null when top-ups are unavailable (production without Stripe). */
export function providerFromConfig(config: Env, now: () => Date = () => new Date()): BillingProvider | null {
  if (config.STRIPE_SECRET_KEY) return stripeProvider(createStripeClient(config));
  return localCheckoutEnabled(config) ? localProvider(config, now) : null;
}
