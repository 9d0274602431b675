import { z } from "zod";
import { ZDateRangeInput } from "./range.schema.js";

export const ZUsageCostsInput = ZDateRangeInput.extend({
  accountId: z.uuid({ error: "Not a valid account id" }).optional().describe("One tenant only"),
});
export type TUsageCostsInput = z.infer<typeof ZUsageCostsInput>;

export const ZUsageCostRow = z.object({
  accountId: z.uuid(),
  accountName: z.string(),
  /** YYYY-MM-DD, UTC. */
  day: z.string(),
  jobType: z.string(),
  runs: z.number().int(),
  totalCents: z.number().int(),
});
export type TUsageCostRow = z.infer<typeof ZUsageCostRow>;

/** Job-run costs grouped by tenant, day and job type; an aggregate over a bounded range, so not paged. */
export const ZUsageCostsReport = z
  .object({
    startDate: z.string(),
    endDate: z.string(),
    rows: z.array(ZUsageCostRow),
    totals: z.object({ runs: z.number().int(), totalCents: z.number().int() }),
  })
  .meta({ id: "UsageCostsReport" });
export type TUsageCostsReport = z.infer<typeof ZUsageCostsReport>;
