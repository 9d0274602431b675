import { randomUUID } from "node:crypto";
import { by } from "../accounts/owner-guard.service.js";
import { can } from "../accounts/policy.service.js";
import type { TenantActor } from "../accounts/actor.service.js";
import { recordAudit } from "../audit/audit.service.js";
import * as documents from "../documents/document.repository.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { inTransaction, isUniqueViolation } from "../shared/tx.js";
import { documentKey } from "../storage/storage.service.js";
import { storageFromConfig } from "../storage/index.js";
import { publishApplicationChange } from "./application-live.js";
import { applicationReceived } from "./recruiting-notification.service.js";
import { startMatch } from "./application-match.service.js";
import { getMyApplication } from "./application-read.service.js";
import type { TApplyInput, TMyApplicationDetail } from "./application.schema.js";
import * as repo from "./application.repository.js";

const ALREADY_APPLIED = "You have already applied to this posting; see it under My applications";

/** One of the candidate's own documents (in their personal account); anyone else's is NOT_FOUND. */
async function ownDocument(ctx: ServiceContext, actor: TenantActor, documentId: string) {
  const doc = await documents.findDocument(ctx.db, documentId);
  if (!doc || !actor.homeAccountId || doc.accountId !== actor.homeAccountId || !can(actor, "data.read", { accountId: doc.accountId })) {
    throw new ServiceError("NOT_FOUND", "Document not found", { resumeDocumentId: ["No such document among your own"] });
  }
  return { doc, candidateAccountId: actor.homeAccountId };
}

/** Ready to send: a résumé with its text read. Anything else names the field. */
function assertSendable(doc: documents.DocumentRow) {
  const refuse = (message: string) => new ServiceError("BAD_REQUEST", message, { resumeDocumentId: [message] });
  if (doc.kind !== "resume") throw refuse(`${doc.filename} is not marked as a résumé; pick a résumé or change its kind`);
  if (doc.extractionStatus === "pending") throw refuse(`${doc.filename} is still being read; try again in a moment`);
  // Say why it couldn't be read (the extraction's message: a scan, a password, a bomb), so the candidate knows what to fix.
  if (doc.extractionStatus === "failed" && doc.extractionError) throw refuse(`${doc.filename} couldn't be read: ${doc.extractionError}`);
  if (doc.extractionStatus !== "done" || !doc.extractedText?.trim()) throw refuse(`${doc.filename} has no readable text; upload a PDF, DOCX or text résumé`);
}

/**
 * A candidate applies to a published posting with one of their own résumés. Decided here:
 * - the résumé must be in the candidate's personal (home) account and sendable: checked first, so
 *   another tenant's document and posting ids answer alike (NOT_FOUND) whatever the order of the mistakes;
 * - a published posting is public (its board), so any tenant's may be applied to: it is not a
 *   tenant-scoped id here, except that drafts and closed ones are NOT_FOUND like unknown ids;
 * - only published postings (a draft or closed one, or another's id, is NOT_FOUND);
 * - one application per posting and candidate (CONFLICT);
 * - members of the employer can't apply to its postings: they would see and move their own
 *   application, and a candidate is never an employer member (FORBIDDEN);
 * - the résumé is copied into the employer's account (bytes and text): the employer reads only that
 *   copy, never the candidate's documents, and the candidate's later edits don't change what was sent;
 * - the match runs after the commit, billed to the employer; its refusal doesn't refuse the application.
 */
export async function applyToPosting(ctx: ServiceContext, actor: TenantActor, input: TApplyInput, meta?: RequestMeta): Promise<TMyApplicationDetail> {
  const { doc: resume, candidateAccountId } = await ownDocument(ctx, actor, input.resumeDocumentId);
  // The caller's own input first: whether the posting exists is only asked with a sendable résumé.
  assertSendable(resume);
  const posting = await repo.findPostingForApply(ctx.db, input.postingId);
  // Applying sees what the public board sees: a published posting of a live employer; anything else is unknown.
  if (!posting || posting.status !== "published" || !(await repo.employerIsLive(ctx.db, posting.accountId))) throw notFound("Posting");
  if (posting.accountId in actor.accountRoles) throw new ServiceError("FORBIDDEN", "Members of the employer's account can't apply to its own postings");

  const copyId = randomUUID();
  const storage = storageFromConfig(ctx.config);
  const storageKey = documentKey(posting.accountId, copyId, resume.filename);
  await storage.put(storageKey, await storage.get(resume.storageKey), { contentType: resume.mimeType });
  let app: repo.ApplicationRow;
  try {
    app = await inTransaction(ctx, async (tx, txCtx) => {
      await documents.insertDocument(tx, {
        id: copyId,
        accountId: posting.accountId,
        uploadedById: actor.userId,
        filename: resume.filename,
        mimeType: resume.mimeType,
        sizeBytes: resume.sizeBytes,
        sha256: resume.sha256,
        storageKey,
        kind: "resume",
        extractionStatus: "done",
        extractedText: resume.extractedText,
        pageCount: resume.pageCount,
      });
      const now = ctx.now();
      const created = await repo.insertApplication(tx, {
        accountId: posting.accountId,
        postingId: posting.id,
        candidateUserId: actor.userId,
        candidateAccountId,
        source: input.source,
        coverLetter: input.coverLetter,
        candidateResumeDocumentId: resume.id,
        resumeDocumentId: copyId,
        appliedAt: now,
        statusChangedAt: now,
      });
      await repo.insertStageChange(tx, { accountId: posting.accountId, applicationId: created.id, fromStatus: null, toStatus: "applied", actorUserId: actor.userId, at: now });
      await recordAudit(tx, {
        eventType: "application.created",
        actor: by(actor),
        target: { type: "application", id: created.id },
        accountId: posting.accountId,
        meta,
        details: { postingId: posting.id, postingTitle: posting.title, source: input.source, resumeDocumentId: copyId },
      });
      await publishApplicationChange(txCtx, created);
      return created;
    });
  } catch (err) {
    await storage.delete(storageKey).catch(() => undefined);
    if (isUniqueViolation(err, "applications_posting_candidate_key")) throw new ServiceError("CONFLICT", ALREADY_APPLIED);
    throw err;
  }
  await Promise.all([startMatch(ctx, app, null, meta), applicationReceived(ctx, { applicationId: app.id })]);
  return getMyApplication(ctx, actor, app.id);
}
