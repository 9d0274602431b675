import { authorize, type PolicyActor } from "../accounts/policy.service.js";
import { TEXT_PREVIEW_CHARS } from "../documents/document.schema.js";
import type { ServiceContext } from "../shared/context.js";
import { iso } from "../shared/dates.js";
import { notFound } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import {
  PIPELINE_MOVES,
  WITHDRAWABLE,
  type TApplication,
  type TApplicationDetail,
  type TApplicationMatch,
  type TApplicationPage,
  type TListApplicationsInput,
  type TMyApplication,
  type TMyApplicationDetail,
  type TMyApplicationPage,
  type TMyApplicationsInput,
} from "./application.schema.js";
import * as repo from "./application.repository.js";

const isoOrNull = (d: Date | null) => (d ? iso(d) : null);

/** The match as the employer reads it: the job's state when one ran, else "not run" with why. */
function matchOf(a: repo.ApplicationRow, jobStatus: string | null): TApplicationMatch {
  const state: TApplicationMatch["state"] = !a.matchJobId
    ? "not_run"
    : jobStatus === "queued" || jobStatus === "running"
      ? jobStatus
      : jobStatus === "success" && a.matchScore !== null
        ? "done"
        : jobStatus === "success"
          ? "running"
          : "failed";
  return { state, jobId: a.matchJobId, score: a.matchScore, matchedSkills: a.matchedSkills, missingSkills: a.missingSkills, error: a.matchError };
}

/** What the employer and the candidate both read of an application: the posting, the stage and its dates. */
const bothSidesRead = (a: repo.ApplicationRow, postingTitle: string) => ({
  id: a.id,
  postingId: a.postingId,
  postingTitle,
  status: a.status,
  source: a.source,
  conversationId: a.conversationId,
  appliedAt: iso(a.appliedAt),
  statusChangedAt: iso(a.statusChangedAt),
  withdrawnAt: isoOrNull(a.withdrawnAt),
});

export function toApplicationDto(r: repo.EmployerApplicationRow): TApplication {
  const a = r.application;
  return {
    ...bothSidesRead(a, r.postingTitle),
    accountId: a.accountId,
    candidateUserId: a.candidateUserId,
    candidateName: r.candidateName,
    candidateEmail: r.candidateEmail,
    resumeDocumentId: a.resumeDocumentId,
    match: matchOf(a, r.matchJobStatus),
    hiredAt: isoOrNull(a.hiredAt),
  };
}

export function toMyApplicationDto(r: repo.CandidateApplicationRow): TMyApplication {
  const a = r.application;
  return {
    ...bothSidesRead(a, r.postingTitle),
    employerName: r.employerName,
    employerSlug: r.employerSlug,
    // The candidate's own résumé, not the employer's copy.
    resumeDocumentId: a.candidateResumeDocumentId,
    canWithdraw: WITHDRAWABLE.includes(a.status),
  };
}

/** One posting's applications, ranked by match score (unscored last); the employer's recruiting roles only. */
export async function listApplications(ctx: ServiceContext, actor: PolicyActor, input: TListApplicationsInput): Promise<TApplicationPage> {
  const posting = await repo.findPostingForApply(ctx.db, input.postingId);
  if (!posting) throw notFound("Posting");
  authorize(actor, "recruiting.read", { accountId: posting.accountId }, "Posting");
  const { postingId, status, minScore, skill, q, limit, cursor } = input;
  const rows = await repo.findApplicationPage(ctx.db, { accountId: posting.accountId, postingId, status, minScore, skill, q, limit, cursor });
  return toPage(rows.map((r) => ({ ...r, id: r.application.id })), limit, toApplicationDto);
}

/** The employer's whole view of one application: cover letter, their copy of the résumé, the stage history. */
export async function getApplication(ctx: ServiceContext, actor: PolicyActor, id: string): Promise<TApplicationDetail> {
  const row = await repo.findEmployerApplication(ctx.db, id);
  if (!row) throw notFound("Application");
  authorize(actor, "recruiting.read", { accountId: row.application.accountId }, "Application");
  const a = row.application;
  const [stages, resume] = await Promise.all([repo.findStageChanges(ctx.db, a.id), a.resumeDocumentId ? repo.findResumeCopy(ctx.db, a.resumeDocumentId) : undefined]);
  return {
    ...toApplicationDto(row),
    coverLetter: a.coverLetter,
    resume: resume ? { documentId: resume.id, filename: resume.filename, textPreview: resume.text?.slice(0, TEXT_PREVIEW_CHARS) ?? null, textLength: resume.text?.length ?? null } : null,
    stages: stages.map((s) => ({ from: s.fromStatus, to: s.toStatus, actorUserId: s.actorUserId, at: iso(s.at) })),
    allowedMoves: [...PIPELINE_MOVES[a.status]],
  };
}

/** The caller's own applications, newest first. */
export async function listMyApplications(ctx: ServiceContext, actor: PolicyActor, input: TMyApplicationsInput): Promise<TMyApplicationPage> {
  const rows = await repo.findCandidateApplicationPage(ctx.db, { candidateUserId: actor.userId, status: input.status, limit: input.limit, cursor: input.cursor });
  return toPage(rows.map((r) => ({ ...r, id: r.application.id })), input.limit, toMyApplicationDto);
}

/** One of the caller's own applications; anyone else's id is NOT_FOUND. */
export async function getMyApplication(ctx: ServiceContext, actor: PolicyActor, id: string): Promise<TMyApplicationDetail> {
  const row = await repo.findCandidateApplication(ctx.db, id, actor.userId);
  if (!row) throw notFound("Application");
  return { ...toMyApplicationDto(row), coverLetter: row.application.coverLetter };
}
