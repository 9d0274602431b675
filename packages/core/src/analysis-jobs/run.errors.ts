import { UnrecoverableError } from "bullmq";
import { AnalyzerError } from "../analyzers/analyzer.js";
import { ServiceError } from "../shared/errors.js";

/** Thrown between steps when the job's cancel was requested. */
export class JobCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "JobCancelled";
  }
}

/** Bad input: retrying won't help (a missing document, no text, an unpriced model). */
export class BadJobInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadJobInput";
  }
}

/** Whether another attempt could succeed: analyzer 429/5xx/timeouts and infrastructure hiccups, not bad input. */
export function isTransient(err: unknown): boolean {
  if (err instanceof AnalyzerError) return err.transient;
  if (err instanceof BadJobInput || err instanceof ServiceError || err instanceof UnrecoverableError) return false;
  return true;
}

/** What the user reads for a failure that isn't theirs: what happened to them and what to do next. */
export const INTERNAL_FAILURE_MESSAGE = "Something went wrong on our side while running this job. Run it again; if it keeps failing, contact support and mention the job id.";

/** A message fit for the user's timeline: ours verbatim, anything else helpful but generic (the cause is for staff). */
export function userMessage(err: unknown): string {
  if (err instanceof AnalyzerError) return `The analyzer failed: ${err.message}`;
  if (err instanceof BadJobInput || err instanceof ServiceError || err instanceof UnrecoverableError) return err.message;
  return INTERNAL_FAILURE_MESSAGE;
}

/** The internal cause, stored on the job for staff (jobs.error_cause); never on the tenant's timeline. */
export function failureCause(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.slice(0, 2000);
}
