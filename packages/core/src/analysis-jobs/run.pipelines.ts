import { buffer } from "node:stream/consumers";
import { capText, type TextCap } from "../analyzers/text-cap.js";
import { setExtraction } from "../documents/document.repository.js";
import { ServiceError } from "../shared/errors.js";
import { transcriberFromConfig, type AudioFile } from "../transcription/transcription.js";
import { extractDocument } from "../documents/extract-document.js";
import { storageFromConfig } from "../storage/index.js";
import type { TJobType } from "./analysis-jobs.schema.js";
import { loadTenantDocuments, recordingSeconds } from "./job-estimate.js";
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

/** The recording's bytes and its length in whole seconds (from its metadata; what the minutes are billed by). */
async function readRecording(run: RunState, documentId: string): Promise<{ file: AudioFile; seconds: number }> {
  const { deps, job } = run;
  const [doc] = await loadTenantDocuments(deps.db, job.accountId, [documentId]).catch(() => {
    throw new BadJobInput(`Document ${documentId} no longer exists`);
  });
  if (!doc) throw new BadJobInput(`Document ${documentId} no longer exists`);
  const seconds = await recordingSeconds(deps.config, doc).catch((err: unknown) => {
    throw err instanceof ServiceError ? new BadJobInput(err.message) : err;
  });
  const bytes = await buffer(await storageFromConfig(deps.config).get(doc.storageKey));
  return { file: { bytes, filename: doc.filename, mimeType: doc.mimeType }, seconds };
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
  interview_transcription: async (run) => {
    const { documentId } = run.input;
    const audio = await step(run, "read_audio", () => readRecording(run, documentId));
    run.audioSeconds = audio.seconds;
    const transcriber = transcriberFromConfig(run.deps.config);
    const heard = await step(run, "transcribe", () => transcriber.transcribe(audio.file));
    run.events.add({
      type: "transcription.call",
      message: `${transcriber.model}: ${(audio.seconds / 60).toFixed(1)} min of audio in ${heard.latencyMs} ms${heard.attempts > 1 ? ` (${heard.attempts} attempts)` : ""}`,
      data: { model: transcriber.model, seconds: audio.seconds, latencyMs: heard.latencyMs, attempts: heard.attempts },
      durationMs: heard.latencyMs,
    });
    if (!heard.text) throw new BadJobInput(`No speech was heard in ${audio.file.filename}`);
    // The transcript becomes the recording's text: searchable, and readable by every other job type.
    await step(run, "store_transcript", () => setExtraction(run.deps.db, documentId, { status: "done", text: heard.text }, run.deps.now()));
    const { text, cap } = capped(run, heard.text);
    const { result, calls } = await step(run, "analyze", () => run.deps.analyzer.analyzeDocument(text, { readAs: "transcript" }));
    await recordCalls(run, calls);
    return { documentId, durationSeconds: audio.seconds, language: heard.language, transcript: heard.text, summary: result.summary, keywords: result.keywords, sentiment: result.sentiment ?? null, textCap: cap };
  },
  noop: async (run) => {
    const { steps, stepMs } = run.input;
    for (let i = 1; i <= steps; i++) await step(run, `wait_${i}`, () => sleep(stepMs));
    return { steps };
  },
};
