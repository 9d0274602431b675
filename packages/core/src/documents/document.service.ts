import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { iso } from "../shared/dates.js";
import { notFound } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import type { Storage } from "../storage/storage.service.js";
import { by } from "../accounts/owner-guard.service.js";
import { authorize, can, type Action, type PolicyActor } from "../accounts/policy.service.js";
import { resolveAccount, type TenantActor } from "../accounts/actor.service.js";
import { scopeOf } from "../accounts/scope.repository.js";
import { inTransaction } from "../shared/tx.js";
import { publishDocumentChange } from "./document-live.js";
import { displayFilename } from "./filename.js";
import * as repo from "./document.repository.js";
import { flagOffMessage, flagOn, subjectFor } from "../flags/flag-gate.js";
import { FLAGS } from "../flags/flags.schema.js";
import {
  TEXT_PREVIEW_CHARS,
  type TDocument,
  type TDocumentDetail,
  type TDocumentDownload,
  type TDocumentIdInput,
  type TDocumentKind,
  type TDocumentPage,
  type TListDocumentsInput,
  type TUpdateDocumentInput,
} from "./document.schema.js";

/** Download links live this long. */
export const DOWNLOAD_TTL_SECONDS = 300;

export const toDocumentDto = (r: repo.DocumentRow): TDocument => ({
  id: r.id,
  accountId: r.accountId,
  uploadedById: r.uploadedById,
  filename: r.filename,
  mimeType: r.mimeType,
  sizeBytes: r.sizeBytes,
  sha256: r.sha256,
  kind: r.kind as TDocumentKind,
  extractionStatus: r.extractionStatus,
  extractionError: r.extractionError,
  pageCount: r.pageCount,
  createdAt: iso(r.createdAt),
});

/** A live document the caller may `action`; other tenants' ids are NOT_FOUND. */
export async function loadDocument(ctx: ServiceContext, actor: PolicyActor, id: string, action: Action): Promise<repo.DocumentRow> {
  const row = await repo.findDocument(ctx.db, id);
  if (!row) throw notFound("Document");
  authorize(actor, action, { accountId: row.accountId }, "Document");
  await assertNotHiddenResume(ctx, actor, row);
  return row;
}

/**
 * A candidate's résumé copy (sent with an application) is the employer's, but it is candidates'
 * personal data: members without a recruiting role see it as if it did not exist (list, get,
 * download, analysis jobs).
 */
export async function assertNotHiddenResume(ctx: ServiceContext, actor: PolicyActor, row: { id: string; accountId: string }): Promise<void> {
  if (can(actor, "recruiting.read", { accountId: row.accountId })) return;
  if (await repo.isApplicationResume(ctx.db, row.id)) throw notFound("Document");
}

export interface UploadedFile {
  id: string;
  accountId: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  kind: TDocumentKind;
}

/**
 * Records a file already in storage (the upload route streamed it there), audited in the same
 * transaction. With the document-processing flag off for the account the file is kept but not
 * extracted on upload: the document says so in extractionError (an analysis job still reads it).
 */
export async function recordUpload(ctx: ServiceContext, actor: PolicyActor, file: UploadedFile, meta?: RequestMeta): Promise<TDocument> {
  authorize(actor, "data.write", { accountId: file.accountId }, "Account");
  const extract = await flagOn(ctx, FLAGS.documentProcessing, subjectFor(actor, file.accountId));
  // Whatever the client sent as the name (a NUL, a path, an RTL override) is shown to recruiters: cleaned here.
  file = { ...file, filename: displayFilename(file.filename) };
  const row = await inTransaction(ctx, async (tx, txCtx) => {
    const created = await repo.insertDocument(tx, { ...file, uploadedById: actor.userId, extractionStatus: "pending", extractionError: extract ? null : flagOffMessage(FLAGS.documentProcessing) });
    await recordAudit(tx, {
      eventType: "document.uploaded",
      actor: by(actor),
      target: { type: "document", id: created.id },
      accountId: created.accountId,
      meta,
      details: { filename: file.filename, mimeType: file.mimeType, sizeBytes: file.sizeBytes, kind: file.kind },
    });
    await publishDocumentChange(txCtx, created);
    return created;
  });
  // Extract right away so previews and estimates don't wait for the first analysis; a job that
  // runs first extracts it itself, so a lost enqueue only delays the preview.
  if (!extract) return toDocumentDto(row);
  await ctx.jobs?.enqueue("document.extract", { documentId: row.id }).catch((err: unknown) => ctx.logger.warn({ err, documentId: row.id }, "could not enqueue text extraction"));
  return toDocumentDto(row);
}

export async function listDocuments(ctx: ServiceContext, actor: TenantActor, input: TListDocumentsInput): Promise<TDocumentPage> {
  const accountId = resolveAccount(actor, input.accountId, "data.read");
  const hideApplicationResumes = !can(actor, "recruiting.read", { accountId });
  const rows = await repo.findDocumentPage(ctx.db, { scope: scopeOf(actor), accountId, kind: input.kind, limit: input.limit, cursor: input.cursor, hideApplicationResumes });
  return toPage(rows, input.limit, toDocumentDto);
}

export async function getDocument(ctx: ServiceContext, actor: PolicyActor, input: TDocumentIdInput): Promise<TDocumentDetail> {
  const row = await loadDocument(ctx, actor, input.id, "data.read");
  const text = row.extractedText;
  return { ...toDocumentDto(row), textPreview: text === null ? null : text.slice(0, TEXT_PREVIEW_CHARS), textLength: text === null ? null : text.length };
}

/** Changes what the document is said to be (a mis-guessed kind at upload); writers of its account only, audited. */
export async function updateDocument(ctx: ServiceContext, actor: PolicyActor, input: TUpdateDocumentInput, meta?: RequestMeta): Promise<TDocument> {
  const row = await loadDocument(ctx, actor, input.id, "data.write");
  if (row.kind === input.kind) return toDocumentDto(row);
  const updated = await inTransaction(ctx, async (tx, txCtx) => {
    const changed = await repo.setDocumentKind(tx, row.id, input.kind, ctx.now());
    if (!changed) throw notFound("Document");
    await recordAudit(tx, {
      eventType: "document.updated",
      actor: by(actor),
      target: { type: "document", id: row.id },
      accountId: row.accountId,
      meta,
      details: { filename: row.filename, kind: input.kind, previousKind: row.kind },
    });
    await publishDocumentChange(txCtx, row);
    return changed;
  });
  return toDocumentDto(updated);
}

/** Soft delete: the row stays for the retention period (the purge job removes it); its bytes go with it then. */
export async function deleteDocument(ctx: ServiceContext, actor: PolicyActor, input: TDocumentIdInput, meta?: RequestMeta): Promise<TDocument> {
  const row = await loadDocument(ctx, actor, input.id, "data.write");
  const now = ctx.now();
  await inTransaction(ctx, async (tx, txCtx) => {
    if (!(await repo.softDeleteDocument(tx, row.id, now))) throw notFound("Document");
    await recordAudit(tx, {
      eventType: "document.deleted",
      actor: by(actor),
      target: { type: "document", id: row.id },
      accountId: row.accountId,
      meta,
      details: { filename: row.filename },
    });
    await publishDocumentChange(txCtx, row);
  });
  return toDocumentDto(row);
}

export async function downloadDocument(ctx: ServiceContext, actor: PolicyActor, storage: Storage, input: TDocumentIdInput): Promise<TDocumentDownload> {
  const row = await loadDocument(ctx, actor, input.id, "data.read");
  const url = await storage.signedUrl(row.storageKey, { expiresInSeconds: DOWNLOAD_TTL_SECONDS, filename: row.filename });
  return { url, expiresAt: iso(new Date(ctx.now().getTime() + DOWNLOAD_TTL_SECONDS * 1000)) };
}
