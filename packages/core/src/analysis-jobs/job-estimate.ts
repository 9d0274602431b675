import { buffer } from "node:stream/consumers";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { Env } from "@atrium/config";
import { priceUsage, type PricedUsage } from "../billing/pricing.service.js";
import { ServiceError } from "../shared/errors.js";
import { storageFromConfig } from "../storage/index.js";
import { audioSeconds } from "../transcription/audio-duration.js";
import type { TJobType } from "./analysis-jobs.schema.js";

const { documents } = schema;
export type DocumentRow = typeof documents.$inferSelect;

/** The documents a job input names, in the order named. */
export function documentIdsOf(type: TJobType, input: Record<string, unknown>): string[] {
  if (type === "resume_match") return [String(input.resumeDocumentId), String(input.jobDescriptionDocumentId)];
  if (type === "noop") return [];
  return [String(input.documentId)];
}

/** Loads the named documents of one tenant; another tenant's (or a deleted) one is NOT_FOUND, like a missing one. */
export async function loadTenantDocuments(db: DbOrTx, accountId: string, ids: string[]): Promise<DocumentRow[]> {
  if (!ids.length) return [];
  const rows = await db.select().from(documents).where(and(inArray(documents.id, ids), eq(documents.accountId, accountId), isNull(documents.deletedAt)));
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new ServiceError("NOT_FOUND", "Document not found", { documentId: [`No document ${id} in this account`] });
    return row;
  });
}

/** A recording's seconds, from its own metadata: the estimate and the run price the same number. */
export async function recordingSeconds(config: Env, doc: DocumentRow): Promise<number> {
  if (!doc.mimeType.startsWith("audio/")) {
    const message = `${doc.filename} is not a recording; upload an audio file (MP3, WAV, M4A, OGG, FLAC)`;
    throw new ServiceError("BAD_REQUEST", message, { "input.documentId": [message] });
  }
  return audioSeconds(await buffer(await storageFromConfig(config).get(doc.storageKey)), doc.mimeType);
}

/** Speech is ≈150 words, ≈900 characters a minute: what the transcript's analysis will read. */
const TRANSCRIPT_CHARS_PER_MINUTE = 900;

/** Transcription: the recording's minutes at the job type's audio price, plus the analysis of a transcript of typical length. */
async function estimateTranscription(db: DbOrTx, config: Env, docs: DocumentRow[]): Promise<PricedUsage> {
  const [doc] = docs;
  if (!doc) throw new ServiceError("BAD_REQUEST", "No recording given", { "input.documentId": ["Pick a recording"] });
  const seconds = await recordingSeconds(config, doc);
  const chars = Math.min(Math.ceil((seconds / 60) * TRANSCRIPT_CHARS_PER_MINUTE), config.ANALYZER_MAX_TEXT_CHARS);
  const model = analyzerModel(config);
  return priceUsage(db, {
    llm: [{ model, inputTokens: Math.ceil(chars / 4) + 200, outputTokens: OUTPUT_TOKENS.interview_transcription }],
    charsRead: { jobType: "interview_transcription", chars },
    audioSeconds: { jobType: "interview_transcription", seconds },
  });
}

/** The model the configured analyzer bills under. */
export const analyzerModel = (config: Env) => (config.ANALYZER === "openai" ? config.LLM_MODEL : "local");

/** Typical answer sizes, for the estimate only; the bill uses the real counts. */
const OUTPUT_TOKENS: Record<TJobType, number> = { document_analysis: 600, resume_match: 300, worklog_summary: 500, resume_parse: 900, interview_transcription: 600, noop: 0 };

/**
 * What a job should cost, before it runs: input ≈ text length / 4 tokens at the
 * analyzer model's price (0 for local) plus the job type's compute per 1,000
 * characters read — the same characters the run is debited for. A model
 * without a price row is refused here (BAD_REQUEST naming it), not run for free.
 */
export async function estimateJobCost(db: DbOrTx, config: Env, type: TJobType, input: Record<string, unknown>, docs: DocumentRow[]): Promise<PricedUsage> {
  if (type === "noop") {
    const steps = Number(input.steps ?? 0);
    const stepMs = Number(input.stepMs ?? 0);
    return priceUsage(db, { computeSeconds: (steps * stepMs) / 1000 });
  }
  if (type === "interview_transcription") return estimateTranscription(db, config, docs);
  // The analyzer reads at most ANALYZER_MAX_TEXT_CHARS of each document, so that is all it can cost.
  const chars = docs.reduce((s, d) => s + Math.min(d.extractedText?.length ?? d.sizeBytes, config.ANALYZER_MAX_TEXT_CHARS), 0);
  const model = analyzerModel(config);
  return priceUsage(db, { llm: [{ model, inputTokens: Math.ceil(chars / 4) + 200, outputTokens: OUTPUT_TOKENS[type] }], charsRead: { jobType: type, chars } });
}
