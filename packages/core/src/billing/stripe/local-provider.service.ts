import type { Env } from "@atrium/config";
import { signLocalSession } from "./local-session.service.js";
import type { BillingProvider, CheckoutRequest, CheckoutSession } from "./provider.service.js";

/** Where the browser reaches the api: PUBLIC_URL (the SPA's origin, which proxies /api in dev and is the api itself when it serves the SPA). */
export const localCheckoutUrl = (config: Env, sessionId: string) => `${config.PUBLIC_URL.replace(/\/+$/, "")}/api/billing/local-checkout/${sessionId}`;

/** The api's own checkout page stands in for Stripe's hosted one (development and tests). */
export function localProvider(config: Env, now: () => Date = () => new Date()): BillingProvider {
  return {
    name: "local",
    createCheckoutSession(req: CheckoutRequest): Promise<CheckoutSession> {
      const { sessionId } = signLocalSession(config.SESSION_SECRET, { accountId: req.accountId, amountCents: req.amountCents, currency: req.currency }, now(), req.idempotencyKey);
      return Promise.resolve({ sessionId, checkoutUrl: localCheckoutUrl(config, sessionId) });
    },
  };
}
