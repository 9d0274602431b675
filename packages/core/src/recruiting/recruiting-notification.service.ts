import { can } from "../accounts/policy.service.js";
import { notify, type NotifyInput } from "../notifications/notification.service.js";
import type { ServiceContext } from "../shared/context.js";
import { findMembers } from "./application-conversation.repository.js";
import * as repo from "./recruiting-notification.repository.js";

/**
 * Recruiting's notices, as each recipient's preference for the kind says (bell, bell +
 * email, or nothing). The application and interview services call these AFTER their
 * change committed; they never throw (the change is already made: a lost notice is
 * logged, not fatal) and read what they say from the database, so callers pass ids only.
 * Links: the candidate's portal for the candidate, the HR portal for the employer.
 */

export const candidateLink = (applicationId: string) => `/candidate/applications/${applicationId}`;
export const employerLink = (applicationId: string) => `/recruiting/applications/${applicationId}`;

const STATUS_WORDS: Record<string, string> = {
  applied: "received",
  screening: "in screening",
  interview: "moved to interviews",
  offer: "at the offer stage",
  hired: "successful: you're hired",
  rejected: "not moving forward",
  withdrawn: "withdrawn",
};

async function tell(ctx: ServiceContext, what: string, inputs: NotifyInput[]): Promise<void> {
  for (const input of inputs) {
    await notify(ctx, input).catch((err: unknown) => ctx.logger.warn({ err, kind: input.kind, userId: input.userId }, `${what}: notification not written`));
  }
}

/** The account's members the policy lets do `action` in recruiting now (recruiters, hiring managers, admins, owners). */
async function recruitersOf(ctx: ServiceContext, accountId: string, action: "recruiting.read" | "recruiting.manage"): Promise<string[]> {
  const members = await findMembers(ctx.db, accountId);
  return members
    .filter((m) =>
      can({ userId: m.userId, isStaff: false, accountRoles: { [accountId]: m.role }, orgRoles: {}, recruitingRoles: m.recruitingRole ? { [accountId]: m.recruitingRole } : {} }, action, {
        accountId,
      }),
    )
    .map((m) => m.userId);
}

/** Someone applied: the employer's users who manage recruiting (recruiters, admins, owners) hear of it. */
export async function applicationReceived(ctx: ServiceContext, input: { applicationId: string }): Promise<void> {
  try {
    const app = await repo.findApplicationFacts(ctx.db, input.applicationId);
    if (!app) return;
    const recipients = (await recruitersOf(ctx, app.accountId, "recruiting.manage")).filter((id) => id !== app.candidateUserId);
    await tell(
      ctx,
      "application received",
      recipients.map((userId) => ({
        userId,
        accountId: app.accountId,
        kind: "application.received",
        title: `New application: ${app.postingTitle}`,
        body: `${app.candidateName} applied to ${app.postingTitle}.`,
        link: employerLink(app.id),
      })),
    );
  } catch (err) {
    ctx.logger.warn({ err, applicationId: input.applicationId }, "application received: notices not written");
  }
}

/** The application moved: the candidate's bell (their status email is the application service's, sent regardless). */
export async function applicationStatusChanged(ctx: ServiceContext, input: { applicationId: string }): Promise<void> {
  try {
    const app = await repo.findApplicationFacts(ctx.db, input.applicationId);
    if (!app) return;
    await tell(ctx, "application status", [
      {
        userId: app.candidateUserId,
        accountId: null,
        kind: "application.status",
        title: `${app.postingTitle}: ${STATUS_WORDS[app.status] ?? app.status}`,
        body: `Your application to ${app.postingTitle} at ${app.employerName} is ${STATUS_WORDS[app.status] ?? app.status}.`,
        link: candidateLink(app.id),
      },
    ]);
  } catch (err) {
    ctx.logger.warn({ err, applicationId: input.applicationId }, "application status: notice not written");
  }
}

/** A message in an application's conversation: everyone on the other side of it (the digest email follows separately). */
export async function applicationMessage(ctx: ServiceContext, input: { applicationId: string; senderId: string; recipientIds: string[] }): Promise<void> {
  try {
    const app = await repo.findApplicationFacts(ctx.db, input.applicationId);
    if (!app) return;
    const fromCandidate = input.senderId === app.candidateUserId;
    await tell(
      ctx,
      "application message",
      input.recipientIds.map((userId) => {
        const toCandidate = userId === app.candidateUserId;
        return {
          userId,
          accountId: toCandidate ? null : app.accountId,
          kind: "application.message" as const,
          title: fromCandidate ? `${app.candidateName} wrote about ${app.postingTitle}` : `${app.employerName} wrote about ${app.postingTitle}`,
          body: `A new message about the application to ${app.postingTitle}.`,
          link: toCandidate ? candidateLink(app.id) : employerLink(app.id),
        };
      }),
    );
  } catch (err) {
    ctx.logger.warn({ err, applicationId: input.applicationId }, "application message: notices not written");
  }
}

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

/** An interview was scheduled (or moved): the candidate and each interviewer (the candidate's own email is the interview service's). */
export async function interviewScheduled(ctx: ServiceContext, input: { interviewId: string }): Promise<void> {
  try {
    const iv = await repo.findInterviewFacts(ctx.db, input.interviewId);
    if (!iv) return;
    const app = iv.application;
    const forCandidate: NotifyInput = {
      userId: app.candidateUserId,
      accountId: null,
      kind: "interview.scheduled",
      title: `Interview for ${app.postingTitle}`,
      body: `${app.employerName} scheduled an interview with you on ${when(iv.startsAt)}. Please confirm it.`,
      link: candidateLink(app.id),
      email: false,
    };
    const forInterviewers = iv.interviewerIds.map(
      (userId): NotifyInput => ({
        userId,
        accountId: app.accountId,
        kind: "interview.scheduled",
        title: `Interview with ${app.candidateName}`,
        body: `You interview ${app.candidateName} for ${app.postingTitle} on ${when(iv.startsAt)}.`,
        link: employerLink(app.id),
      }),
    );
    await tell(ctx, "interview scheduled", [forCandidate, ...forInterviewers]);
  } catch (err) {
    ctx.logger.warn({ err, interviewId: input.interviewId }, "interview scheduled: notices not written");
  }
}

/** The candidate confirmed: the interviewers and whoever scheduled it. */
export async function interviewConfirmed(ctx: ServiceContext, input: { interviewId: string }): Promise<void> {
  try {
    const iv = await repo.findInterviewFacts(ctx.db, input.interviewId);
    if (!iv) return;
    const app = iv.application;
    const recipients = [...new Set([...iv.interviewerIds, ...(iv.createdById ? [iv.createdById] : [])])].filter((id) => id !== app.candidateUserId);
    await tell(
      ctx,
      "interview confirmed",
      recipients.map((userId) => ({
        userId,
        accountId: app.accountId,
        kind: "interview.confirmed",
        title: `${app.candidateName} confirmed the interview`,
        body: `${app.candidateName} confirmed the interview for ${app.postingTitle} on ${when(iv.startsAt)}.`,
        link: employerLink(app.id),
      })),
    );
  } catch (err) {
    ctx.logger.warn({ err, interviewId: input.interviewId }, "interview confirmed: notices not written");
  }
}
