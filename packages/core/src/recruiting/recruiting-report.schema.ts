import { z } from "zod";
import { APPLICATION_SOURCES } from "./application.schema.js";

const ZIsoDate = z.iso.date({ error: "Use a date like 2026-12-31" });

/** The funnel's stages in order; rejected and withdrawn are exits, counted apart. */
export const FUNNEL_STAGES = ["applied", "screening", "interview", "offer", "hired"] as const;

/** Which applications count: those that arrived (applied) between the two days, both inclusive (UTC). Both optional. */
export const ZRecruitingReportInput = z
  .strictObject({
    accountId: z.uuid({ error: "Not a valid account id" }).optional().describe("The employer; default your home account"),
    from: ZIsoDate.optional().describe("First day (UTC) an application arrived, inclusive"),
    to: ZIsoDate.optional().describe("Last day (UTC) an application arrived, inclusive"),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "The range ends before it starts", path: ["to"] });
export type TRecruitingReportInput = z.infer<typeof ZRecruitingReportInput>;

const ZStageCounts = z.object({
  applied: z.number().int(),
  screening: z.number().int(),
  interview: z.number().int(),
  offer: z.number().int(),
  hired: z.number().int(),
  rejected: z.number().int(),
  withdrawn: z.number().int(),
});

/** Per posting, how many applications reached each stage (a later stage counts for the earlier ones too). */
export const ZFunnelReport = z
  .object({
    items: z.array(ZStageCounts.extend({ postingId: z.uuid(), postingTitle: z.string() })),
    total: ZStageCounts,
  })
  .meta({ id: "RecruitingFunnelReport" });
export type TFunnelReport = z.infer<typeof ZFunnelReport>;
export type TFunnelRow = TFunnelReport["items"][number];

const ZHireTimes = z.object({ hires: z.number().int(), medianDays: z.number().nullable(), averageDays: z.number().nullable() });
/** Days from applying to being hired: median and average, per posting and overall. */
export const ZTimeToHireReport = z
  .object({ overall: ZHireTimes, items: z.array(ZHireTimes.extend({ postingId: z.uuid(), postingTitle: z.string() })) })
  .meta({ id: "RecruitingTimeToHireReport" });
export type TTimeToHireReport = z.infer<typeof ZTimeToHireReport>;
export type TTimeToHireRow = TTimeToHireReport["items"][number];

/** Where candidates came from: applications and hires per source, and the share hired (0..1). */
export const ZSourceReport = z
  .object({ items: z.array(z.object({ source: z.enum(APPLICATION_SOURCES), applications: z.number().int(), hires: z.number().int(), hireRate: z.number().nullable() })) })
  .meta({ id: "RecruitingSourceReport" });
export type TSourceReport = z.infer<typeof ZSourceReport>;
export type TSourceRow = TSourceReport["items"][number];
