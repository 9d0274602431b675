import { z } from "zod";

/**
 * The few fields of Stripe's objects the webhook acts on, parsed loosely:
 * events arrive in whatever API version the endpoint (or `stripe listen`) uses,
 * and an expandable field may be an id or the object itself.
 */
const idOf = z.union([z.string(), z.object({ id: z.string() }).loose()]).transform((v) => (typeof v === "string" ? v : v.id));
const metadata = z.record(z.string(), z.string()).nullish().transform((m) => m ?? {});

export const ZEventEnvelope = z
  .object({
    id: z.string().min(1).max(255),
    type: z.string().min(1).max(255),
    created: z.number().int(),
    data: z.object({ object: z.record(z.string(), z.unknown()) }).loose(),
  })
  .loose();
export type TEventEnvelope = z.infer<typeof ZEventEnvelope>;

export const ZCheckoutSession = z
  .object({
    id: z.string(),
    amount_total: z.number().int().nullish(),
    currency: z.string().nullish(),
    payment_status: z.string().nullish(),
    customer: idOf.nullish(),
    payment_intent: idOf.nullish(),
    client_reference_id: z.string().nullish(),
    metadata,
  })
  .loose();

export const ZPaymentIntent = z.object({ id: z.string(), amount_received: z.number().int().nullish(), customer: idOf.nullish(), metadata }).loose();

const ZRecurring = z.object({ interval: z.string(), interval_count: z.number().int().nullish() }).loose();
const ZProduct = z.union([z.string(), z.object({ id: z.string(), name: z.string().nullish() }).loose()]);
const ZPrice = z
  .object({
    id: z.string(),
    nickname: z.string().nullish(),
    lookup_key: z.string().nullish(),
    product: ZProduct.nullish(),
    unit_amount: z.number().int().nullish(),
    currency: z.string().nullish(),
    recurring: ZRecurring.nullish(),
  })
  .loose();
/** Subscriptions of older API versions also carry a `plan` (the price's predecessor). */
const ZPlan = z
  .object({
    id: z.string(),
    nickname: z.string().nullish(),
    product: ZProduct.nullish(),
    amount: z.number().int().nullish(),
    currency: z.string().nullish(),
    interval: z.string().nullish(),
    interval_count: z.number().int().nullish(),
  })
  .loose();

export const ZSubscription = z
  .object({
    id: z.string(),
    customer: idOf.nullish(),
    status: z.string(),
    created: z.number().int().nullish(),
    start_date: z.number().int().nullish(),
    canceled_at: z.number().int().nullish(),
    ended_at: z.number().int().nullish(),
    currency: z.string().nullish(),
    metadata,
    items: z
      .object({ data: z.array(z.object({ quantity: z.number().int().nullish(), price: ZPrice.nullish(), plan: ZPlan.nullish() }).loose()) })
      .loose()
      .nullish(),
    plan: ZPlan.nullish(),
  })
  .loose();
export type TSubscription = z.infer<typeof ZSubscription>;

export const ZInvoice = z
  .object({
    id: z.string(),
    customer: idOf.nullish(),
    amount_due: z.number().int().nullish(),
    currency: z.string().nullish(),
    attempt_count: z.number().int().nullish(),
    hosted_invoice_url: z.string().nullish(),
    metadata,
    subscription_details: z.object({ metadata }).loose().nullish(),
    parent: z
      .object({ subscription_details: z.object({ metadata }).loose().nullish() })
      .loose()
      .nullish(),
  })
  .loose();
export type TInvoice = z.infer<typeof ZInvoice>;
