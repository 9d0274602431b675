import { z } from "zod";

/** What each analysis returns; shared by the local and the LLM analyzers (the LLM's JSON is parsed with these). */
export const ZEntity = z.object({ text: z.string(), type: z.string() });

export const ZDocumentAnalysis = z.object({
  summary: z.string(),
  keywords: z.array(z.string()),
  skills: z.array(z.string()),
  entities: z.array(ZEntity),
  /** −1 (negative) … 1 (positive). */
  sentiment: z.number().min(-1).max(1),
});
export type TDocumentAnalysis = z.infer<typeof ZDocumentAnalysis>;

export const ZResumeMatch = z.object({
  score: z.number().min(0).max(100),
  matchedSkills: z.array(z.string()),
  missingSkills: z.array(z.string()),
  summary: z.string(),
});
export type TResumeMatch = z.infer<typeof ZResumeMatch>;

export const ZWorklogSummary = z.object({ bullets: z.array(z.string()), summary: z.string() });
export type TWorklogSummary = z.infer<typeof ZWorklogSummary>;
