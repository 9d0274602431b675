import { z } from "zod";
import { ZDocumentAnalysis, ZResumeMatch, ZResumeProfile, ZWorklogSummary } from "../analyzers/analyzer.schema.js";
import { ZJobInputs, type TJobType } from "./analysis-jobs.schema.js";

/** How much of a document the analyzer read (ANALYZER_MAX_TEXT_CHARS caps it). */
export const ZTextCap = z.object({ analyzedChars: z.number().int(), totalChars: z.number().int(), truncated: z.boolean() });

/**
 * What each job type's pipeline returns: the job's `result` (the run adds the priced
 * `lineItems` when it finishes). Paired with ZJobInputs, this is the job type's contract.
 */
export const ZJobResults = {
  document_analysis: ZDocumentAnalysis.extend({ documentId: z.string(), textCap: ZTextCap }),
  resume_match: ZResumeMatch.extend({ resumeDocumentId: z.string(), jobDescriptionDocumentId: z.string(), textCap: z.object({ resume: ZTextCap, jobDescription: ZTextCap }) }),
  worklog_summary: ZWorklogSummary.extend({ documentId: z.string(), textCap: ZTextCap }),
  resume_parse: ZResumeProfile.extend({ documentId: z.string(), textCap: ZTextCap }),
  interview_transcription: z.object({
    documentId: z.string(),
    durationSeconds: z.number().int(),
    language: z.string().nullable(),
    /** Also stored as the document's text, so the recording can be searched and analysed like any document. */
    transcript: z.string(),
    summary: z.string(),
    keywords: z.array(z.string()),
    sentiment: z.number().min(-1).max(1).nullable(),
    textCap: ZTextCap,
  }),
  noop: z.object({ steps: z.number().int() }),
} as const satisfies Record<TJobType, z.ZodType>;

/** A job type's input after parsing (defaults applied). */
export type JobInputOf<T extends TJobType> = z.output<(typeof ZJobInputs)[T]>;
/** A job type's result as its pipeline returns it. */
export type JobResultOf<T extends TJobType> = z.output<(typeof ZJobResults)[T]>;
