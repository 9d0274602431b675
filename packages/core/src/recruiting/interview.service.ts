import type { DbOrTx } from "@atrium/db";
import { recordAudit } from "../audit/audit.service.js";
import type { TAuditEventType } from "../audit/audit.schema.js";
import { by } from "../accounts/owner-guard.service.js";
import { resolveAccount, type TenantActor } from "../accounts/actor.service.js";
import { authorize, can, type Action } from "../accounts/policy.service.js";
import { appUrl, queueEmailInTx } from "../email/email-in-tx.service.js";
import type { InterviewEmail } from "../email/template.service.js";
import { publishEvent } from "../realtime/realtime.service.js";
import { accountTopic, userTopic } from "../realtime/realtime.schema.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { badCursor } from "../shared/pagination.js";
import { inTransaction } from "../shared/tx.js";
import * as repo from "./interview.repository.js";
import { interviewConfirmed, interviewScheduled } from "./recruiting-notification.service.js";
import { candidateViews, emailDate, employerViews } from "./interview-view.js";
import type {
  TApplicationInterviewListInput,
  TApplicationInterviewsInput,
  TCandidateInterview,
  TCandidateInterviewsInput,
  TCandidateInterviewList,
  TInterview,
  TInterviewIdInput,
  TInterviewerOptions,
  TInterviewList,
  TRescheduleInterviewInput,
  TScheduleInterviewInput,
  TMyInterviewsInput,
} from "./interview.schema.js";

type Detail = repo.InterviewDetail;
type Email = "interview_scheduled" | "interview_rescheduled" | "interview_cancelled" | "interview_reminder";

/** An interview of an employer the actor may `action` on; another tenant's is NOT_FOUND like an unknown id. */
export async function interviewFor(ctx: ServiceContext, actor: TenantActor, id: string, action: Action): Promise<Detail> {
  const detail = await repo.findInterviewDetail(ctx.db, id);
  if (!detail) throw notFound("Interview");
  authorize(actor, action, { accountId: detail.interview.accountId }, "Interview");
  return detail;
}

/** What the candidate's emails say about an interview. */
export function emailData(ctx: ServiceContext, d: Detail): InterviewEmail {
  const i = d.interview;
  return {
    name: d.candidate.displayName ?? d.candidate.username,
    jobTitle: d.postingTitle,
    employerName: d.employerName,
    interviewDate: emailDate(i.startsAt),
    durationMinutes: i.durationMinutes,
    where: [i.meetingUrl, i.location].filter(Boolean).join(" · "),
    interviewsUrl: appUrl(ctx, "/candidate/interviews"),
  };
}

/**
 * The tail of every change, in its transaction: the audit row, the candidate's email
 * (when the change is theirs to know) and the live event, both released on commit.
 */
async function announce(ctx: ServiceContext, txCtx: ServiceContext, tx: DbOrTx, actor: TenantActor, d: Detail, change: { event: TAuditEventType; email?: Email; details?: Record<string, unknown> }, meta?: RequestMeta) {
  const i = d.interview;
  await recordAudit(tx, { eventType: change.event, actor: by(actor), target: { type: "interview", id: i.id }, accountId: i.accountId, meta, details: { applicationId: i.applicationId, ...change.details } });
  await publishEvent(txCtx, [userTopic(d.candidateUserId), accountTopic(i.accountId)], { type: "interview.changed", interviewId: i.id, applicationId: i.applicationId, accountId: i.accountId, status: i.status });
  if (!change.email) return async () => {};
  return queueEmailInTx(ctx, tx, { to: d.candidate.email, template: change.email, data: emailData(ctx, d), accountId: i.accountId });
}

/** How far ahead an interview may be set: further is a typo in the year (2062 for 2026), not a plan. */
const MAX_AHEAD_MS = 366 * 86_400_000;

function assertFuture(ctx: ServiceContext, startsAt: string): Date {
  const at = new Date(startsAt);
  if (at.getTime() <= ctx.now().getTime()) throw new ServiceError("BAD_REQUEST", "An interview must start in the future", { startsAt: ["Pick a time in the future"] });
  if (at.getTime() > ctx.now().getTime() + MAX_AHEAD_MS) throw new ServiceError("BAD_REQUEST", "An interview must start within a year", { startsAt: ["Pick a time within a year"] });
  return at;
}

async function assertInterviewers(ctx: ServiceContext, accountId: string, userIds: string[]): Promise<void> {
  const eligible = await repo.findEligibleInterviewers(ctx.db, accountId, userIds);
  const refused = userIds.filter((u) => !eligible.has(u));
  if (refused.length) {
    const message = "Interviewers must be members of this account with a recruiting role (recruiter or hiring manager) or admins";
    throw new ServiceError("BAD_REQUEST", message, { interviewerIds: refused.map((u) => `${u}: not a member of this account who may interview`) });
  }
}

async function views(ctx: ServiceContext, id: string): Promise<TInterview> {
  const detail = await repo.findInterviewDetail(ctx.db, id);
  if (!detail) throw notFound("Interview");
  const [view] = await employerViews(ctx.db, [detail]);
  if (!view) throw notFound("Interview");
  return view;
}

/**
 * Schedules an interview for an application of the employer (recruiters and admins):
 * a future time, a link or a place, and interviewers who may read its recruiting data.
 * The candidate is emailed and both sides see it live.
 */
export async function scheduleInterview(ctx: ServiceContext, actor: TenantActor, input: TScheduleInterviewInput, meta?: RequestMeta): Promise<TInterview> {
  const application = await repo.findApplication(ctx.db, input.applicationId);
  if (!application) throw new ServiceError("NOT_FOUND", "Application not found", { applicationId: ["No such application"] });
  authorize(actor, "recruiting.manage", { accountId: application.accountId }, "Application");
  if (["hired", "rejected", "withdrawn"].includes(application.status)) {
    throw new ServiceError("CONFLICT", `This application is ${application.status}; no more interviews for it`, { applicationId: [`The application is ${application.status}`] });
  }
  const startsAt = assertFuture(ctx, input.startsAt);
  await assertInterviewers(ctx, application.accountId, input.interviewerIds);
  const { row, dispatch } = await inTransaction(ctx, async (tx, txCtx) => {
    const row = await repo.insertInterview(tx, {
      accountId: application.accountId,
      applicationId: application.id,
      startsAt,
      durationMinutes: input.durationMinutes,
      meetingUrl: input.meetingUrl || null,
      location: input.location || null,
      createdById: actor.userId,
    });
    await repo.setPanel(tx, row, input.interviewerIds);
    const detail = await repo.findInterviewDetail(tx, row.id);
    if (!detail) throw notFound("Interview");
    const dispatch = await announce(ctx, txCtx, tx, actor, detail, { event: "interview.scheduled", email: "interview_scheduled", details: { startsAt: input.startsAt, interviewerIds: input.interviewerIds } }, meta);
    return { row, dispatch };
  });
  await dispatch();
  // The bells of the candidate and the interviewers (never throws: the interview is already made).
  await interviewScheduled(ctx, { interviewId: row.id });
  return views(ctx, row.id);
}

/** Moves (or re-staffs) a live interview; a new time clears the confirmation and the reminder, so both happen again. */
export async function rescheduleInterview(ctx: ServiceContext, actor: TenantActor, input: TRescheduleInterviewInput, meta?: RequestMeta): Promise<TInterview> {
  const current = await interviewFor(ctx, actor, input.id, "recruiting.manage");
  const startsAt = assertFuture(ctx, input.startsAt);
  const i = current.interview;
  const meetingUrl = input.meetingUrl === undefined ? i.meetingUrl : input.meetingUrl || null;
  const location = input.location === undefined ? i.location : input.location || null;
  if (!meetingUrl && !location) throw new ServiceError("BAD_REQUEST", "Give a meeting link or a location", { meetingUrl: ["Give a meeting link or a location"] });
  if (input.interviewerIds) await assertInterviewers(ctx, i.accountId, input.interviewerIds);
  const dispatch = await inTransaction(ctx, async (tx, txCtx) => {
    const moved = startsAt.getTime() !== i.startsAt.getTime();
    const row = await repo.updateLiveInterview(tx, i.id, {
      startsAt,
      durationMinutes: input.durationMinutes ?? i.durationMinutes,
      meetingUrl,
      location,
      ...(moved ? { status: "scheduled", confirmedAt: null, reminderSentAt: null } : {}),
      updatedAt: ctx.now(),
    });
    if (!row) throw new ServiceError("CONFLICT", `This interview is ${i.status}; schedule a new one instead`);
    if (input.interviewerIds) await repo.setPanel(tx, row, input.interviewerIds);
    // A new panel alone is the employer's business; the candidate hears of a new time, length or place.
    const forCandidate = moved || row.durationMinutes !== i.durationMinutes || row.meetingUrl !== i.meetingUrl || row.location !== i.location;
    return announce(ctx, txCtx, tx, actor, { ...current, interview: row }, { event: "interview.rescheduled", ...(forCandidate ? { email: "interview_rescheduled" as const } : {}), details: { from: i.startsAt.toISOString(), to: input.startsAt } }, meta);
  });
  await dispatch();
  await interviewScheduled(ctx, { interviewId: i.id });
  return views(ctx, i.id);
}

/** Cancels a live interview; the candidate is told. */
export async function cancelInterview(ctx: ServiceContext, actor: TenantActor, input: TInterviewIdInput, meta?: RequestMeta): Promise<TInterview> {
  const current = await interviewFor(ctx, actor, input.id, "recruiting.manage");
  const dispatch = await inTransaction(ctx, async (tx, txCtx) => {
    const row = await repo.updateLiveInterview(tx, input.id, { status: "cancelled", updatedAt: ctx.now() });
    if (!row) throw new ServiceError("CONFLICT", `This interview is already ${current.interview.status}`);
    return announce(ctx, txCtx, tx, actor, { ...current, interview: row }, { event: "interview.cancelled", email: "interview_cancelled" }, meta);
  });
  await dispatch();
  return views(ctx, input.id);
}

/** One interview, for the employer's recruiters, hiring managers and admins. */
export async function getInterview(ctx: ServiceContext, actor: TenantActor, input: TInterviewIdInput): Promise<TInterview> {
  await interviewFor(ctx, actor, input.id, "recruiting.read");
  return views(ctx, input.id);
}

/** One page of views from limit + 1 rows; the views' two extra queries run for the page only. */
async function pageOf<T>(rows: Detail[] | undefined, limit: number, toViews: (db: DbOrTx, d: Detail[]) => Promise<T[]>, db: DbOrTx): Promise<{ items: T[]; nextCursor: string | null }> {
  if (!rows) throw badCursor();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: await toViews(db, page), nextCursor: rows.length > limit && last ? last.interview.id : null };
}

/** An application's interviews, soonest first, a page at a time, for the employer. */
export async function listForApplication(ctx: ServiceContext, actor: TenantActor, input: TApplicationInterviewListInput): Promise<TInterviewList> {
  const application = await repo.findApplication(ctx.db, input.applicationId);
  if (!application) throw notFound("Application");
  authorize(actor, "recruiting.read", { accountId: application.accountId }, "Application");
  return pageOf(await repo.findByApplication(ctx.db, application.id, input), input.limit, employerViews, ctx.db);
}

/** Who may be put on an interview of this application: the employer's admins and recruiting roles. */
export async function listInterviewerOptions(ctx: ServiceContext, actor: TenantActor, input: TApplicationInterviewsInput): Promise<TInterviewerOptions> {
  const application = await repo.findApplication(ctx.db, input.applicationId);
  if (!application) throw notFound("Application");
  authorize(actor, "recruiting.read", { accountId: application.accountId }, "Application");
  return { items: await repo.listEligibleInterviewers(ctx.db, application.accountId) };
}

/**
 * "My interviews": the live interviews the caller sits on, in accounts where they still may read
 * recruiting data; with `accountId`, in that one only (one they may not read is NOT_FOUND/FORBIDDEN like any tenant route).
 */
export async function listMyUpcoming(ctx: ServiceContext, actor: TenantActor, input: TMyInterviewsInput): Promise<TInterviewList> {
  const readable = (accountId: string) => can({ ...actor, isStaff: false }, "recruiting.read", { accountId });
  const accountIds = input.accountId ? [resolveAccount({ ...actor, isStaff: false }, input.accountId, "recruiting.read")] : Object.keys(actor.accountRoles).filter(readable);
  const rows = await repo.findUpcomingForInterviewer(ctx.db, actor.userId, accountIds, ctx.now(), input);
  return pageOf(rows, input.limit, employerViews, ctx.db);
}

/**
 * The caller's own interviews as a candidate (upcoming soonest first, past newest first, or all soonest first),
 * of every application or of one, a page at a time; rights come from the application, not a membership.
 */
export async function listAsCandidate(ctx: ServiceContext, actor: TenantActor, input: TCandidateInterviewsInput): Promise<TCandidateInterviewList> {
  if (input.applicationId) {
    // Only one's own application narrows the list; anyone else's is unknown, like every foreign id.
    const application = await repo.findApplication(ctx.db, input.applicationId);
    if (application?.candidateUserId !== actor.userId) throw new ServiceError("NOT_FOUND", "Application not found", { applicationId: ["No such application of yours"] });
  }
  const rows = await repo.findForCandidate(ctx.db, { userId: actor.userId, now: ctx.now(), applicationId: input.applicationId, when: input.when }, input);
  return pageOf(rows, input.limit, candidateViews, ctx.db);
}

/** The candidate of that application confirms they will come; anyone else gets NOT_FOUND. */
export async function confirmInterview(ctx: ServiceContext, actor: TenantActor, input: TInterviewIdInput, meta?: RequestMeta): Promise<TCandidateInterview> {
  const current = await repo.findInterviewDetail(ctx.db, input.id);
  if (!current || current.candidateUserId !== actor.userId) throw notFound("Interview");
  // Confirming is a promise to come: once the interview has started there is nothing left to promise.
  if (current.interview.startsAt.getTime() <= ctx.now().getTime()) throw new ServiceError("CONFLICT", "This interview has already started; there is nothing to confirm");
  if (current.interview.status !== "confirmed") {
    await inTransaction(ctx, async (tx, txCtx) => {
      const row = await repo.updateLiveInterview(tx, input.id, { status: "confirmed", confirmedAt: ctx.now(), updatedAt: ctx.now() });
      if (!row) throw new ServiceError("CONFLICT", `This interview is ${current.interview.status}; there is nothing to confirm`);
      await announce(ctx, txCtx, tx, actor, { ...current, interview: row }, { event: "interview.confirmed" }, meta);
    });
    await interviewConfirmed(ctx, { interviewId: input.id });
  }
  const detail = await repo.findInterviewDetail(ctx.db, input.id);
  const [view] = detail ? await candidateViews(ctx.db, [detail]) : [];
  if (!view) throw notFound("Interview");
  return view;
}
