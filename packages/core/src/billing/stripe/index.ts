export { createTopupSession } from "./topup.service.js";
export { receiveStripeWebhook, verifyStripeDelivery, applyStripeEvent, type WebhookOutcome } from "./webhook.service.js";
export { describeLocalCheckout, buildLocalCheckoutEvent, type LocalCheckoutView } from "./local-checkout.service.js";
export { providerFromConfig, localCheckoutEnabled, type BillingProvider, type CheckoutRequest, type CheckoutSession } from "./provider.js";
export { stripeProvider } from "./stripe.provider.js";
export { localProvider } from "./local.provider.js";
export { createStripeClient, signWebhookPayload } from "./stripe-client.js";
export { checkoutCreditKey, returnUrls, TOPUP_KIND } from "./constants.js";
export { LOCAL_SESSION_PREFIX, signLocalSession, verifyLocalSession } from "./local-session.js";
