import { z } from "zod";

/** Whole cents only: 12.345 dollars is refused rather than rounded. */
const hasAtMostTwoDecimals = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;

/**
 * The bounds (TOPUP_MIN_DOLLARS / TOPUP_MAX_DOLLARS) live in config, so the
 * service checks them after authorization; the contract only checks the shape.
 */
export const ZCreateTopupSessionInput = z.strictObject({
  amountDollars: z
    .number({ error: "Amount must be a number of dollars" })
    .positive("Amount must be more than $0")
    .max(1_000_000_000, "Amount is too large")
    .refine(hasAtMostTwoDecimals, "Use at most 2 decimal places (whole cents)")
    .describe("Dollars to add to the reserve, e.g. 50 or 19.99"),
  accountId: z.uuid({ error: "Not a valid account id" }).optional().describe("The tenant to top up; defaults to your home account"),
  idempotencyKey: z
    .string()
    .trim()
    .min(8, "Idempotency key must be at least 8 characters")
    .max(200, "Idempotency key is too long")
    .optional()
    .describe("Resending the same request with the same key returns the same checkout session, so paying it credits once (the SDK sends one)"),
});
export type TCreateTopupSessionInput = z.infer<typeof ZCreateTopupSessionInput>;

export const ZTopupProvider = z.enum(["stripe", "local"]);
export type TTopupProvider = z.infer<typeof ZTopupProvider>;

export const ZTopupSession = z
  .object({
    sessionId: z.string(),
    checkoutUrl: z.string().describe("Send the browser here; it comes back to /billing?topup=success&session_id=... or /billing?topup=cancelled"),
    provider: ZTopupProvider,
    accountId: z.uuid(),
    amountCents: z.number().int(),
    currency: z.string(),
  })
  .meta({ id: "TopupSession" });
export type TTopupSession = z.infer<typeof ZTopupSession>;
