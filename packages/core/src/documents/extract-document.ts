import { buffer } from "node:stream/consumers";
import type { ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import type { Storage } from "../storage/storage.service.js";
import * as repo from "./document.repository.js";
import { runSandboxed, sandboxLimitsFromConfig } from "../sandbox/sandbox.service.js";
import type { Extracted } from "./extract.js";
import { publishAfterCommit } from "../realtime/realtime.service.js";
import { accountTopic } from "../realtime/realtime.schema.js";

/** Extraction finished either way: the account's document views refetch (after the write; see publishAfterCommit). */
const announce = (ctx: ServiceContext, row: { id: string; accountId: string }) =>
  publishAfterCommit(ctx, ctx.db, [accountTopic(row.accountId)], { type: "document.updated", documentId: row.id, accountId: row.accountId });

export type ExtractDocumentResult = ({ status: "done" } & Extracted) | { status: "failed"; error: string };

/**
 * For the worker: reads a document's bytes from storage, extracts the text and
 * stores it (extractionStatus done), or records why it failed (failed, the
 * message safe to show). A document whose text is already extracted is not re-read.
 * The parsing runs in a sandbox thread (DOCUMENT_TASK_* limits): a bomb ends
 * as a permanent "too large or complex" failure and the worker lives on.
 * Infrastructure errors (storage down, db gone) are thrown, so the job retries.
 */
export async function extractDocument(ctx: ServiceContext, storage: Storage, documentId: string): Promise<ExtractDocumentResult> {
  const row = await repo.findDocument(ctx.db, documentId);
  if (!row) throw notFound("Document");
  if (row.extractionStatus === "done" && row.extractedText !== null) return stored(row);
  const bytes = await buffer(await storage.get(row.storageKey));
  try {
    const extracted = await runSandboxed<Extracted>(
      { kind: "extract", bytes, mimeType: row.mimeType, maxUncompressedBytes: ctx.config.DOCX_MAX_UNCOMPRESSED_MB * 1024 * 1024 },
      sandboxLimitsFromConfig(ctx.config),
    );
    if (!(await repo.setExtractionUnlessDone(ctx.db, row.id, { status: "done", text: extracted.text, pageCount: extracted.pageCount ?? null }, ctx.now()))) return storedMeanwhile(ctx, row.id);
    await announce(ctx, row);
    return { status: "done", ...extracted };
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    if (!(await repo.setExtractionUnlessDone(ctx.db, row.id, { status: "failed", error: err.message }, ctx.now()))) return storedMeanwhile(ctx, row.id);
    await announce(ctx, row);
    return { status: "failed", error: err.message };
  }
}

const stored = (row: { extractedText: string | null; pageCount: number | null }): ExtractDocumentResult => ({
  status: "done",
  text: row.extractedText ?? "",
  ...(row.pageCount !== null ? { pageCount: row.pageCount } : {}),
});

/** Another writer stored the text while this extraction ran (a recording's transcript): that text stands. */
async function storedMeanwhile(ctx: ServiceContext, documentId: string): Promise<ExtractDocumentResult> {
  const row = await repo.findDocument(ctx.db, documentId);
  if (!row) throw notFound("Document");
  return stored(row);
}
