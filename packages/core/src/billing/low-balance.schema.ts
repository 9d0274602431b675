import { z } from "zod";
import { ZLowBalancePolicy } from "./reserve.schema.js";

export const ZSpendVerdict = z.enum(["ok", "warn", "blocked", "limited_blocked"]);
export type TSpendVerdict = z.infer<typeof ZSpendVerdict>;

/** The answer to "may this job run?", given before it is enqueued. */
export const ZSpendCheck = z
  .object({
    allowed: z.boolean(),
    verdict: ZSpendVerdict,
    /** Why, in words a user can act on; null when there is nothing to say. */
    message: z.string().nullable(),
    balanceCents: z.number().int(),
    estimatedCents: z.number().int(),
    policy: ZLowBalancePolicy,
  })
  .meta({ id: "SpendCheck" });
export type TSpendCheck = z.infer<typeof ZSpendCheck>;
