import { capText, type TextCap } from "../analyzers/text-cap.js";
import { extractDocument } from "../documents/extract-document.js";
import { storageFromConfig } from "../storage/index.js";
import type { TJobType } from "./analysis-jobs.schema.js";
import { loadTenantDocuments } from "./job-estimate.js";
import { BadJobInput } from "./run.errors.js";
import type { JobResultOf } from "./run.schema.js";
import { recordCalls, step, type RunState } from "./run.steps.js";

/** A job type's steps: its parsed input in (run.input), its result out, both typed by the type's contract. */
export type Pipeline<T extends TJobType> = (run: RunState<T>) => Promise<JobResultOf<T>>;

/** Text of one of the job's documents, extracted now if the upload hasn't been yet. */
async function textOf(run: RunState, documentId: string): Promise<string> {
  const { deps, job } = run;
  const [doc] = await loadTenantDocuments(deps.db, job.accountId, [documentId]).catch(() => {
    throw new BadJobInput(`Document ${documentId} no longer exists`);
  });
  if (doc?.extractionStatus === "done" && doc.extractedText !== null) return doc.extractedText;
  const out = await extractDocument(deps, storageFromConfig(deps.config), documentId);
  if (out.status === "failed") throw new BadJobInput(`Could not read the text of ${doc?.filename ?? "the document"}: ${out.error}`);
  if (!out.text.trim()) throw new BadJobInput(`${doc?.filename ?? "The document"} has no text to analyse`);
  return out.text;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The analyzer reads at most ANALYZER_MAX_TEXT_CHARS of each document; the result says how much. */
function capped(run: RunState, text: string): { text: string; cap: TextCap } {
  const out = capText(text, run.deps.config.ANALYZER_MAX_TEXT_CHARS);
  run.charsRead += out.cap.analyzedChars;
  return out;
}

/** Each job type's steps; what they return is stored as the job's result. */
export const PIPELINES: { [T in TJobType]: Pipeline<T> } = {
  document_analysis: async (run) => {
    const { documentId } = run.input;
    const { text, cap } = capped(run, await step(run, "extract_text", () => textOf(run, documentId)));
    const { result, calls } = await step(run, "analyze", () => run.deps.analyzer.analyzeDocument(text));
    await recordCalls(run, calls);
    return { documentId, ...result, textCap: cap };
  },
  resume_match: async (run) => {
    const { resumeDocumentId, jobDescriptionDocumentId } = run.input;
    const resume = capped(run, await step(run, "extract_text", () => textOf(run, resumeDocumentId)));
    const jd = capped(run, await step(run, "extract_text", () => textOf(run, jobDescriptionDocumentId)));
    const { result, calls } = await step(run, "match", () => run.deps.analyzer.matchResume(resume.text, jd.text));
    await recordCalls(run, calls);
    return { resumeDocumentId, jobDescriptionDocumentId, ...result, textCap: { resume: resume.cap, jobDescription: jd.cap } };
  },
  worklog_summary: async (run) => {
    const { documentId } = run.input;
    const { text, cap } = capped(run, await step(run, "extract_text", () => textOf(run, documentId)));
    const { result, calls } = await step(run, "summarize", () => run.deps.analyzer.summarizeWorklog(text));
    await recordCalls(run, calls);
    return { documentId, ...result, textCap: cap };
  },
  resume_parse: async (run) => {
    const { documentId } = run.input;
    const { text, cap } = capped(run, await step(run, "extract_text", () => textOf(run, documentId)));
    const { result, calls } = await step(run, "parse_resume", () => run.deps.analyzer.parseResume(text));
    await recordCalls(run, calls);
    return { documentId, ...result, textCap: cap };
  },
  noop: async (run) => {
    const { steps, stepMs } = run.input;
    for (let i = 1; i <= steps; i++) await step(run, `wait_${i}`, () => sleep(stepMs));
    return { steps };
  },
};
