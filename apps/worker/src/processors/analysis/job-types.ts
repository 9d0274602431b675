import { capText, extractDocument, loadTenantDocuments, storageFromConfig, type TextCap } from "@atrium/core";
import { BadJobInput, recordCalls, step, type RunState } from "./pipeline.js";

/** Text of one of the job's documents, extracted now if the upload hasn't been yet. */
async function textOf(run: RunState, documentId: string): Promise<string> {
  const { ctx, job } = run;
  const [doc] = await loadTenantDocuments(ctx.db, job.accountId, [documentId]).catch(() => {
    throw new BadJobInput(`Document ${documentId} no longer exists`);
  });
  if (doc?.extractionStatus === "done" && doc.extractedText !== null) return doc.extractedText;
  const out = await extractDocument(ctx, storageFromConfig(ctx.config), documentId);
  if (out.status === "failed") throw new BadJobInput(`Could not read the text of ${doc?.filename ?? "the document"}: ${out.error}`);
  if (!out.text.trim()) throw new BadJobInput(`${doc?.filename ?? "The document"} has no text to analyse`);
  return out.text;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The analyzer reads at most ANALYZER_MAX_TEXT_CHARS of each document; the result says how much. */
function capped(run: RunState, text: string): { text: string; cap: TextCap } {
  const out = capText(text, run.ctx.config.ANALYZER_MAX_TEXT_CHARS);
  run.charsRead += out.cap.analyzedChars;
  return out;
}

/** Each job type's steps; what they return is stored as the job's result. */
export const PIPELINES: Record<string, (run: RunState) => Promise<Record<string, unknown>>> = {
  document_analysis: async (run) => {
    const documentId = String(run.job.input.documentId);
    const { text, cap } = capped(run, await step(run, "extract_text", () => textOf(run, documentId)));
    const { result, calls } = await step(run, "analyze", () => run.ctx.analyzer.analyzeDocument(text));
    await recordCalls(run, calls);
    return { documentId, ...result, textCap: cap };
  },
  resume_match: async (run) => {
    const { resumeDocumentId, jobDescriptionDocumentId } = run.job.input as Record<string, string>;
    const resume = capped(run, await step(run, "extract_text", () => textOf(run, String(resumeDocumentId))));
    const jd = capped(run, await step(run, "extract_text", () => textOf(run, String(jobDescriptionDocumentId))));
    const { result, calls } = await step(run, "match", () => run.ctx.analyzer.matchResume(resume.text, jd.text));
    await recordCalls(run, calls);
    return { resumeDocumentId, jobDescriptionDocumentId, ...result, textCap: { resume: resume.cap, jobDescription: jd.cap } };
  },
  worklog_summary: async (run) => {
    const documentId = String(run.job.input.documentId);
    const { text, cap } = capped(run, await step(run, "extract_text", () => textOf(run, documentId)));
    const { result, calls } = await step(run, "summarize", () => run.ctx.analyzer.summarizeWorklog(text));
    await recordCalls(run, calls);
    return { documentId, ...result, textCap: cap };
  },
  noop: async (run) => {
    const steps = Number(run.job.input.steps ?? 0);
    const stepMs = Number(run.job.input.stepMs ?? 0);
    for (let i = 1; i <= steps; i++) await step(run, `wait_${i}`, () => sleep(stepMs));
    return { steps };
  },
};
