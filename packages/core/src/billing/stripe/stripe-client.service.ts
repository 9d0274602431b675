import Stripe from "stripe";
import type { Env } from "@atrium/config";

/** The real SDK; STRIPE_API_HOST/PORT/PROTOCOL only for tests that stand in for Stripe's API. */
export function createStripeClient(config: Env): Stripe {
  if (!config.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set");
  return new Stripe(config.STRIPE_SECRET_KEY, {
    ...(config.STRIPE_API_HOST ? { host: config.STRIPE_API_HOST } : {}),
    ...(config.STRIPE_API_PORT ? { port: config.STRIPE_API_PORT } : {}),
    ...(config.STRIPE_API_PROTOCOL ? { protocol: config.STRIPE_API_PROTOCOL } : {}),
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Atrium" },
  });
}

/** Verifies a delivery's Stripe-Signature (HMAC over timestamp + raw body, 5 min tolerance); throws on any mismatch. */
export function verifyWebhook(rawBody: Buffer | string, signature: string, secret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret);
}

/** A Stripe-Signature header for `payload`, exactly as Stripe (and `stripe listen`) computes it. */
export function signWebhookPayload(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });
}

export const isStripeSignatureError = (err: unknown): boolean => err instanceof Stripe.errors.StripeSignatureVerificationError;
