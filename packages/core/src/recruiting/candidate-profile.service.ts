import { ZResumeProfile } from "../analyzers/analyzer.schema.js";
import { recordAudit } from "../audit/audit.service.js";
import { resolveAccount, type TenantActor } from "../accounts/actor.service.js";
import { by } from "../accounts/owner-guard.service.js";
import { loadDocument } from "../documents/document.service.js";
import { createJob } from "../analysis-jobs/job.service.js";
import { userTopic } from "../realtime/realtime.schema.js";
import { publishEvent } from "../realtime/realtime.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { iso } from "../shared/dates.js";
import { notFound } from "../shared/errors.js";
import { inTransaction } from "../shared/tx.js";
import { requireFlag, subjectFor } from "../flags/flag-gate.js";
import { FLAGS } from "../flags/flags.schema.js";
import { fillEmpty, profileFromParsed } from "./candidate-profile-fill.service.js";
import * as repo from "./candidate-profile.repository.js";
import { ZCandidateProfile, type TCandidateProfile, type TParseCandidateProfileInput, type TUpdateCandidateProfileInput } from "./candidate-profile.schema.js";

type Fields = Pick<TCandidateProfile, "headline" | "contact" | "experience" | "education" | "skills">;
const S = ZCandidateProfile.shape;
const EMPTY: Fields = { headline: "", contact: { name: null, email: null, phone: null, location: null, links: [] }, experience: [], education: [], skills: [] };

/** The jsonb columns read back through the output contract: a row that doesn't fit shows as empty, never as a 500. */
function fieldsOf(row: repo.CandidateProfileRow): Fields {
  return {
    headline: row.headline,
    contact: S.contact.safeParse(row.contact).data ?? EMPTY.contact,
    experience: S.experience.safeParse(row.experience).data ?? [],
    education: S.education.safeParse(row.education).data ?? [],
    skills: row.skills,
  };
}

function toView(userId: string, found: Awaited<ReturnType<typeof repo.findProfileWithParse>>): TCandidateProfile {
  if (!found) return { userId, ...EMPTY, exists: false, sourceDocumentId: null, parse: null, updatedAt: null };
  const { profile: row, jobStatus, jobError } = found;
  return {
    userId,
    ...fieldsOf(row),
    exists: true,
    sourceDocumentId: row.sourceDocumentId,
    parse: row.parseJobId && jobStatus ? { jobId: row.parseJobId, status: jobStatus, error: jobError, appliedAt: row.parsedAt ? iso(row.parsedAt) : null } : null,
    updatedAt: iso(row.updatedAt),
  };
}

const changed = (ctx: ServiceContext, userId: string, jobId?: string) => publishEvent(ctx, [userTopic(userId)], { type: "candidate_profile.changed", userId, ...(jobId ? { parseJobId: jobId } : {}) });

/**
 * Fills the profile from the result of its parse job `jobId`, once: only while
 * that job is still the profile's latest parse and not applied yet (a newer
 * parse, or a second delivery, changes nothing). The worker calls it when the
 * job succeeds; reading the profile calls it too, so a worker that died between
 * the job's commit and this still leaves a filled profile. Returns whether it filled.
 */
export async function applyParsedProfile(ctx: ServiceContext, userId: string, jobId: string, result: unknown): Promise<boolean> {
  const parsed = ZResumeProfile.safeParse(result);
  if (!parsed.success) return false;
  const applied = await inTransaction(ctx, async (tx) => {
    const row = await repo.lockProfile(tx, userId);
    if (!row || row.parseJobId !== jobId || row.parsedAt) return false;
    await repo.updateProfile(tx, userId, { ...fillEmpty(fieldsOf(row), profileFromParsed(parsed.data)), parsedAt: ctx.now() }, ctx.now());
    return true;
  });
  if (applied) await changed(ctx, userId, jobId);
  return applied;
}

/** Your candidate profile; an empty one (exists: false) before you save or parse anything. */
export async function getMyProfile(ctx: ServiceContext, actor: TenantActor): Promise<TCandidateProfile> {
  let found = await repo.findProfileWithParse(ctx.db, actor.userId);
  const p = found?.profile;
  if (p?.parseJobId && !p.parsedAt && found?.jobStatus === "success") {
    if (await applyParsedProfile(ctx, actor.userId, p.parseJobId, found.jobResult)) found = await repo.findProfileWithParse(ctx.db, actor.userId);
  }
  return toView(actor.userId, found);
}

/** Replaces the parts of your profile the input names (bounded by the contract), audited; created on first save in your home account. */
export async function updateMyProfile(ctx: ServiceContext, actor: TenantActor, input: TUpdateCandidateProfileInput, meta?: RequestMeta): Promise<TCandidateProfile> {
  const accountId = resolveAccount(actor, undefined, "data.write");
  await requireFlag(ctx, FLAGS.recruiting, subjectFor(actor, accountId));
  await inTransaction(ctx, async (tx) => {
    await repo.upsertProfile(tx, actor.userId, accountId, input, ctx.now());
    await recordAudit(tx, { eventType: "candidate_profile.updated", actor: by(actor), target: { type: "candidate_profile", id: actor.userId }, accountId, meta, details: { fields: Object.keys(input) } });
  });
  await changed(ctx, actor.userId);
  return toView(actor.userId, await repo.findProfileWithParse(ctx.db, actor.userId));
}

/**
 * Starts "fill from résumé": a `resume_parse` job on one of your own
 * documents (in your home account, which pays for it like any job), remembered
 * on the profile; the worker fills the empty fields when it succeeds (see
 * applyParsedProfile). Someone else's document, or one of an employer's you
 * can read as a member, is NOT_FOUND.
 */
export async function parseMyProfile(ctx: ServiceContext, actor: TenantActor, input: TParseCandidateProfileInput, meta?: RequestMeta): Promise<TCandidateProfile> {
  const accountId = resolveAccount(actor, undefined, "data.write");
  await requireFlag(ctx, FLAGS.recruiting, subjectFor(actor, accountId));
  const doc = await loadDocument(ctx, actor, input.documentId, "data.read");
  if (doc.accountId !== accountId) throw notFound("Document");
  const job = await createJob(ctx, actor, { type: "resume_parse", accountId, input: { documentId: doc.id } }, meta);
  await inTransaction(ctx, async (tx) => {
    await repo.upsertProfile(tx, actor.userId, accountId, { sourceDocumentId: doc.id, parseJobId: job.id, parsedAt: null }, ctx.now());
    await recordAudit(tx, { eventType: "candidate_profile.parse_requested", actor: by(actor), target: { type: "candidate_profile", id: actor.userId }, accountId, meta, details: { documentId: doc.id, jobId: job.id } });
  });
  return toView(actor.userId, await repo.findProfileWithParse(ctx.db, actor.userId));
}
