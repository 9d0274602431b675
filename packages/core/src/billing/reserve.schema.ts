import { z } from "zod";
import { ZLedgerEntry } from "./ledger.schema.js";

export const LOW_BALANCE_POLICIES = ["block", "warn", "limited"] as const;
export const ZLowBalancePolicy = z.enum(LOW_BALANCE_POLICIES, { error: "Policy must be one of block, warn, limited" });
export type TLowBalancePolicy = z.infer<typeof ZLowBalancePolicy>;

/** Adjustments and thresholds stay far below 2^53 cents; bigger numbers are typos. */
export const MAX_CENTS = 100_000_000_00;
/** A low-balance threshold above $1,000,000 is a slipped finger, not a policy. */
export const MAX_THRESHOLD_CENTS = 1_000_000_00;

export const ZAccountInput = z.strictObject({
  accountId: z.uuid({ error: "Not a valid account id" }).optional().describe("Defaults to your home account"),
});
export type TAccountInput = z.infer<typeof ZAccountInput>;

export const ZReserveBalance = z
  .object({
    accountId: z.uuid(),
    balanceCents: z.number().int(),
    /** Display only; compute with balanceCents. */
    balanceDollars: z.number(),
    currency: z.string(),
    isLow: z.boolean(),
    policy: ZLowBalancePolicy,
    thresholdCents: z.number().int(),
    paymentFailed: z.boolean(),
  })
  .meta({ id: "ReserveBalance" });
export type TReserveBalance = z.infer<typeof ZReserveBalance>;

export const ZBillingProfile = z
  .object({
    accountId: z.uuid(),
    currency: z.string(),
    lowBalancePolicy: ZLowBalancePolicy,
    lowBalanceThresholdCents: z.number().int(),
    lowBalanceNotifiedAt: z.string().nullable(),
    paymentFailedAt: z.string().nullable(),
  })
  .meta({ id: "BillingProfile" });
export type TBillingProfile = z.infer<typeof ZBillingProfile>;

/** Fields left out stay as they are (an empty patch changes nothing). */
export const ZUpdateBillingProfileInput = ZAccountInput.extend({
  lowBalancePolicy: ZLowBalancePolicy.optional(),
  lowBalanceThresholdCents: z
    .number({ error: "Threshold must be a number of cents" })
    .int("Threshold must be a whole number of cents")
    .min(0, "Threshold can't be negative")
    .max(MAX_THRESHOLD_CENTS, "Threshold can be at most $1,000,000")
    .optional(),
});
export type TUpdateBillingProfileInput = z.infer<typeof ZUpdateBillingProfileInput>;

export const ZAdjustReserveInput = z.strictObject({
  tenantId: z.uuid({ error: "Not a valid tenant (account) id" }),
  amountCents: z
    .number({ error: "Amount must be a number of cents" })
    .int("Amount must be a whole number of cents")
    .refine((n) => n !== 0, { error: "Amount can't be zero" })
    .refine((n) => Math.abs(n) <= MAX_CENTS, { error: "Amount is too large" }),
  reason: z
    .string({ error: "A reason is required" })
    .trim()
    .min(1, "A reason is required")
    .max(500, "Keep the reason under 500 characters"),
  /** Retrying with the same key applies the adjustment once; generated when absent. */
  idempotencyKey: z.string().trim().min(8, "Idempotency key must be at least 8 characters").max(200, "Idempotency key is too long").optional(),
});
export type TAdjustReserveInput = z.infer<typeof ZAdjustReserveInput>;

export const ZAdjustContextInput = z.strictObject({ tenantId: z.uuid({ error: "Not a valid tenant (account) id" }) });
export type TAdjustContextInput = z.infer<typeof ZAdjustContextInput>;

/** What the admin sees before adjusting: the balance now, and the limits that apply. */
export const ZAdjustContext = z
  .object({
    tenantId: z.uuid(),
    balanceCents: z.number().int(),
    currency: z.string(),
    maxCents: z.number().int().describe("The api refuses adjustments larger than this, either way (BILLING_ADJUST_MAX_DOLLARS)"),
    confirmAboveCents: z.number().int().describe("The SPA asks twice above this (BILLING_ADJUST_CONFIRM_ABOVE_DOLLARS)"),
  })
  .meta({ id: "AdjustContext" });
export type TAdjustContext = z.infer<typeof ZAdjustContext>;

export const ZAdjustReserveResult = z
  .object({ newBalanceCents: z.number().int(), applied: z.boolean(), entry: ZLedgerEntry })
  .meta({ id: "AdjustReserveResult" });
export type TAdjustReserveResult = z.infer<typeof ZAdjustReserveResult>;
