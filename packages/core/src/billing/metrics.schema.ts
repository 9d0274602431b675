import { z } from "zod";
import { ZDateRangeInput } from "./range.schema.js";

export const ZMetricsSummaryInput = ZDateRangeInput;
export type TMetricsSummaryInput = z.infer<typeof ZMetricsSummaryInput>;

export const ZMetricsSummary = z
  .object({
    startDate: z.string(),
    endDate: z.string(),
    /** Monthly recurring revenue at the end of the range, in cents. */
    mrr: z.number().int(),
    /** 12 × mrr, in cents. */
    arr: z.number().int(),
    /** Subscriptions active at the start and canceled within the range ÷ subscriptions active at the start (0..1). */
    churnRate: z.number(),
    activeSubscriptions: z.number().int(),
    activeAtStart: z.number().int(),
    canceledInRange: z.number().int(),
    /** Stripe Checkout top-ups credited within the range, in cents. */
    topupRevenueCents: z.number().int(),
    /** One point per UTC day: MRR at the end of that day and that day's top-ups. */
    series: z.array(z.object({ day: z.string(), mrr: z.number().int(), topupCents: z.number().int() })),
  })
  .meta({ id: "MetricsSummary" });
export type TMetricsSummary = z.infer<typeof ZMetricsSummary>;
