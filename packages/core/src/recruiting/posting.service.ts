import { recordAudit } from "../audit/audit.service.js";
import { by } from "../accounts/owner-guard.service.js";
import { authorize, type PolicyActor } from "../accounts/policy.service.js";
import { resolveAccount, type TenantActor } from "../accounts/actor.service.js";
import { findDocument } from "../documents/document.repository.js";
import { saveTextDocument } from "../documents/text-document.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { iso, isoOrNull } from "../shared/dates.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import { inTransaction } from "../shared/tx.js";
import type { Storage } from "../storage/storage.service.js";
import type {
  TCreatePostingInput,
  TListPostingsInput,
  TPosting,
  TPostingIdInput,
  TPostingPage,
  TPostingStatus,
  TUpdatePostingInput,
} from "./posting.schema.js";
import * as repo from "./posting.repository.js";

export const toPostingDto = (r: repo.PostingRow): TPosting => ({
  id: r.id,
  accountId: r.accountId,
  title: r.title,
  description: r.description,
  location: r.location,
  remote: r.remote,
  employmentType: r.employmentType,
  salaryMin: r.salaryMin,
  salaryMax: r.salaryMax,
  salaryCurrency: r.salaryCurrency,
  requiredSkills: r.requiredSkills,
  niceToHaveSkills: r.niceToHaveSkills,
  status: r.status,
  createdById: r.createdById,
  jobDescriptionDocumentId: r.jobDescriptionDocumentId,
  publishedAt: isoOrNull(r.publishedAt),
  closedAt: isoOrNull(r.closedAt),
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

const EMPLOYMENT_LABEL: Record<repo.PostingRow["employmentType"], string> = {
  full_time: "Full-time",
  part_time: "Part-time",
  contract: "Contract",
  internship: "Internship",
  temporary: "Temporary",
};

/** The posting as one text: what `resume_match` compares résumés against (so the skills are in it too). */
export function postingText(p: repo.PostingRow): string {
  const where = [p.location, p.remote ? "Remote" : ""].filter(Boolean).join(" · ");
  return [
    p.title,
    [where, EMPLOYMENT_LABEL[p.employmentType]].filter(Boolean).join(" · "),
    "",
    p.description,
    p.requiredSkills.length ? `\nRequired skills: ${p.requiredSkills.join(", ")}` : "",
    p.niceToHaveSkills.length ? `Nice to have: ${p.niceToHaveSkills.join(", ")}` : "",
  ]
    .join("\n")
    .trim();
}

/** Writes (or rewrites) the posting's job_description document, in the caller's transaction. */
async function writeDescription(ctx: ServiceContext, storage: Storage, p: repo.PostingRow, userId: string | null): Promise<repo.PostingRow> {
  const doc = await saveTextDocument(ctx, storage, {
    id: p.jobDescriptionDocumentId,
    accountId: p.accountId,
    uploadedById: userId,
    filename: `${p.title}.txt`,
    kind: "job_description",
    text: postingText(p),
  });
  if (doc.id === p.jobDescriptionDocumentId) return p;
  return repo.updatePosting(ctx.db, p.id, { jobDescriptionDocumentId: doc.id });
}

function assertSalaryOrdered(min: number | null, max: number | null): void {
  if (min !== null && max !== null && min > max) {
    const message = "The maximum salary can't be below the minimum";
    throw new ServiceError("BAD_REQUEST", message, { salaryMax: [message] });
  }
}

/** A posting the caller may `action` on; another employer's id is NOT_FOUND like an unknown one. */
async function loadForUpdate(ctx: ServiceContext, actor: PolicyActor, id: string): Promise<repo.PostingRow> {
  const row = await repo.findPostingForUpdate(ctx.db, id);
  if (!row) throw notFound("Posting");
  authorize(actor, "recruiting.manage", { accountId: row.accountId }, "Posting");
  return row;
}

/** Creates a draft posting for the employer; recruiters and admins only. */
export async function createPosting(ctx: ServiceContext, actor: TenantActor, input: TCreatePostingInput, meta?: RequestMeta): Promise<TPosting> {
  const accountId = resolveAccount(actor, input.accountId, "recruiting.manage");
  const { accountId: _omit, ...fields } = input;
  const row = await inTransaction(ctx, async (tx) => {
    const created = await repo.insertPosting(tx, { ...fields, salaryMin: fields.salaryMin ?? null, salaryMax: fields.salaryMax ?? null, accountId, createdById: actor.userId, status: "draft" });
    await recordAudit(tx, {
      eventType: "posting.created",
      actor: by(actor),
      target: { type: "posting", id: created.id },
      accountId,
      meta,
      details: { title: created.title },
    });
    return created;
  });
  return toPostingDto(row);
}

/** One posting, for the employer's recruiting members (any status). */
export async function getPosting(ctx: ServiceContext, actor: PolicyActor, input: TPostingIdInput): Promise<TPosting> {
  const row = await repo.findPosting(ctx.db, input.id);
  if (!row) throw notFound("Posting");
  authorize(actor, "recruiting.read", { accountId: row.accountId }, "Posting");
  return toPostingDto(row);
}

/** The employer's postings, newest first, by status and words in the title or location. */
export async function listPostings(ctx: ServiceContext, actor: TenantActor, input: TListPostingsInput): Promise<TPostingPage> {
  const accountId = resolveAccount(actor, input.accountId, "recruiting.read");
  const rows = await repo.findPostingPage(ctx.db, { accountId, status: input.status, q: input.q || undefined, limit: input.limit, cursor: input.cursor });
  return toPage(rows, input.limit, toPostingDto);
}

/**
 * Edits any status. A posting that has been published keeps its job_description document in
 * step (applications' matches run against it); a draft gets its document when published.
 */
export async function updatePosting(ctx: ServiceContext, storage: Storage, actor: PolicyActor, input: TUpdatePostingInput, meta?: RequestMeta): Promise<TPosting> {
  const { id, ...changes } = input;
  const row = await inTransaction(ctx, async (tx, txCtx) => {
    const before = await loadForUpdate(txCtx, actor, id);
    assertSalaryOrdered(changes.salaryMin === undefined ? before.salaryMin : changes.salaryMin, changes.salaryMax === undefined ? before.salaryMax : changes.salaryMax);
    const changed = Object.keys(changes).filter((k) => JSON.stringify(changes[k as keyof typeof changes]) !== JSON.stringify(before[k as keyof repo.PostingRow]));
    if (changed.length === 0) return before;
    let updated = await repo.updatePosting(tx, id, { ...changes, updatedAt: ctx.now() });
    if (updated.jobDescriptionDocumentId || updated.status === "published") updated = await writeDescription(txCtx, storage, updated, actor.userId);
    await recordAudit(tx, {
      eventType: "posting.updated",
      actor: by(actor),
      target: { type: "posting", id },
      accountId: updated.accountId,
      meta,
      details: { title: updated.title, fields: changed },
    });
    return updated;
  });
  return toPostingDto(row);
}

/** Moves a posting to `to` (publish: draft or closed → published; close: draft or published → closed). Already there: unchanged. */
async function move(ctx: ServiceContext, storage: Storage, actor: PolicyActor, id: string, to: Exclude<TPostingStatus, "draft">, meta?: RequestMeta): Promise<TPosting> {
  const row = await inTransaction(ctx, async (tx, txCtx) => {
    const before = await loadForUpdate(txCtx, actor, id);
    if (before.status === to) return before;
    const now = ctx.now();
    let updated = await repo.updatePosting(tx, id, to === "published" ? { status: to, publishedAt: now, closedAt: null, updatedAt: now } : { status: to, closedAt: now, updatedAt: now });
    if (to === "published") updated = await writeDescription(txCtx, storage, updated, actor.userId);
    await recordAudit(tx, {
      eventType: to === "published" ? "posting.published" : "posting.closed",
      actor: by(actor),
      target: { type: "posting", id },
      accountId: updated.accountId,
      meta,
      details: { title: updated.title, from: before.status, jobDescriptionDocumentId: updated.jobDescriptionDocumentId },
    });
    return updated;
  });
  return toPostingDto(row);
}

/** Puts the posting on the public board and writes its job_description document. A closed posting is reopened this way. */
export const publishPosting = (ctx: ServiceContext, storage: Storage, actor: PolicyActor, input: TPostingIdInput, meta?: RequestMeta) => move(ctx, storage, actor, input.id, "published", meta);

/** Takes the posting off the board; its applications stay. */
export const closePosting = (ctx: ServiceContext, storage: Storage, actor: PolicyActor, input: TPostingIdInput, meta?: RequestMeta) => move(ctx, storage, actor, input.id, "closed", meta);

/**
 * For applications (no employer rights asked: a candidate applies to what the board shows): the
 * published posting and its job_description document id, written again if it went missing.
 * A draft, closed or unknown posting is NOT_FOUND.
 */
export async function jobDescriptionDocument(ctx: ServiceContext, storage: Storage, postingId: string): Promise<{ posting: TPosting; documentId: string }> {
  return inTransaction(ctx, async (_tx, txCtx) => {
    const row = await repo.findPostingForUpdate(txCtx.db, postingId);
    if (!row || row.status !== "published") throw notFound("Posting");
    const withDoc = await writeDescriptionIfMissing(txCtx, storage, row);
    if (!withDoc.jobDescriptionDocumentId) throw new Error("posting has no job description document");
    return { posting: toPostingDto(withDoc), documentId: withDoc.jobDescriptionDocumentId };
  });
}

async function writeDescriptionIfMissing(ctx: ServiceContext, storage: Storage, row: repo.PostingRow): Promise<repo.PostingRow> {
  if (row.jobDescriptionDocumentId && (await findDocument(ctx.db, row.jobDescriptionDocumentId))) return row;
  return writeDescription(ctx, storage, row, row.createdById);
}
