/** metadata.kind of every top-up, on the Checkout session and its PaymentIntent: the webhook credits only these. */
export const TOPUP_KIND = "reserve_topup";

/** One ledger credit per Checkout session, however many events mention it. */
export const checkoutCreditKey = (sessionId: string) => `stripe:checkout:${sessionId}`;

/** Where a checkout sends the browser back to (the SPA's billing page). */
export function returnUrls(base: string, sessionIdPlaceholder = "{CHECKOUT_SESSION_ID}") {
  const root = base.replace(/\/+$/, "");
  return {
    successUrl: `${root}/billing?topup=success&session_id=${sessionIdPlaceholder}`,
    cancelUrl: `${root}/billing?topup=cancelled`,
  };
}
