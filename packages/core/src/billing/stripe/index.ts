export { createTopupSession } from "./topup.service.js";
export { receiveStripeWebhook, verifyStripeDelivery, applyStripeEvent, type WebhookOutcome } from "./webhook.service.js";
export { describeLocalCheckout, buildLocalCheckoutEvent, type LocalCheckoutView } from "./local-checkout.service.js";
export { providerFromConfig, localCheckoutEnabled, type BillingProvider, type CheckoutRequest, type CheckoutSession } from "./provider.service.js";
export { stripeProvider } from "./stripe-provider.service.js";
export { localProvider } from "./local-provider.service.js";
export { createStripeClient, signWebhookPayload } from "./stripe-client.service.js";
export { checkoutCreditKey, returnUrls, TOPUP_KIND } from "./checkout.service.js";
export { LOCAL_SESSION_PREFIX, signLocalSession, verifyLocalSession } from "./local-session.service.js";
