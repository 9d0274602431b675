import { z } from "zod";

export const MAX_RANGE_DAYS = 366;
const ZIsoDate = z.iso.date({ error: "Use a date like 2025-12-31" });

/** A range of whole UTC days, both ends inclusive. Defaults: the 30 days ending today. */
export const ZDateRangeInput = z.strictObject({
  startDate: ZIsoDate.optional().describe("First day (UTC), inclusive; default 29 days before endDate"),
  endDate: ZIsoDate.optional().describe("Last day (UTC), inclusive; default today"),
});
export type TDateRangeInput = z.infer<typeof ZDateRangeInput>;
