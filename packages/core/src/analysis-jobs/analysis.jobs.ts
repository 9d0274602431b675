import { z } from "zod";

/** BullMQ job names of the analysis pipeline; the BullMQ job id is the `jobs` row id. */
export const ANALYSIS_JOBS = {
  run: "analysis.run",
  extract: "document.extract",
  sweepStalled: "analysis.sweep-stalled",
} as const;

export const ZRunAnalysisPayload = z.strictObject({ jobId: z.uuid() });
export type TRunAnalysisPayload = z.infer<typeof ZRunAnalysisPayload>;
export const ZExtractDocumentPayload = z.strictObject({ documentId: z.uuid() });
export const ZSweepStalledPayload = z.strictObject({ olderThanMinutes: z.number().int().positive().optional() });
