import type { TDocumentAnalysis, TResumeMatch, TResumeProfile, TWorklogSummary } from "./analyzer.schema.js";

export interface AnalyzeHint {
  readAs?: "transcript";
}

/** One model call (or local computation) as the job timeline and the bill see it. */
export interface AnalyzerCall {
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  /** How many attempts it took (429/5xx are retried). */
  attempts: number;
}

export interface Analyzed<T> {
  result: T;
  calls: AnalyzerCall[];
}

/** A provider of the analyses; `model` is what prices its tokens in the price table. */
export interface Analyzer {
  name: string;
  model: string;
  /** `known.readAs` says what the text is when the caller knows (a recording's transcript has no "Speaker:" turns to tell by). */
  analyzeDocument: (text: string, known?: AnalyzeHint) => Promise<Analyzed<TDocumentAnalysis>>;
  matchResume: (resume: string, jobDescription: string) => Promise<Analyzed<TResumeMatch>>;
  summarizeWorklog: (text: string) => Promise<Analyzed<TWorklogSummary>>;
  /** A résumé as a structured profile (contact, jobs with dates, schools, skills). */
  parseResume: (text: string) => Promise<Analyzed<TResumeProfile>>;
}

/**
 * A failure of the analyzer. `transient` ones (429, 5xx, timeouts) are worth
 * another attempt; the others (a malformed answer, a refused request) are not.
 */
export class AnalyzerError extends Error {
  constructor(
    message: string,
    public readonly transient: boolean,
  ) {
    super(message);
    this.name = "AnalyzerError";
  }
}

/** Rough token count used for estimates and by the local analyzer: about 4 characters a token. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);
