import { eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import { by } from "../accounts/owner-guard.service.js";
import { authorize, type PolicyActor } from "../accounts/policy.service.js";
import { recordAudit } from "../audit/audit.service.js";
import { appUrl, queueEmailInTx } from "../email/email-in-tx.service.js";
import type { TemplateData } from "../email/template.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { inTransaction } from "../shared/tx.js";
import { publishApplicationChange } from "./application-live.js";
import { applicationStatusChanged } from "./recruiting-notification.service.js";
import { getApplication, getMyApplication } from "./application-read.service.js";
import { PIPELINE_MOVES, WITHDRAWABLE, type TApplicationDetail, type TApplicationStatus, type TMoveApplicationInput, type TMyApplicationDetail } from "./application.schema.js";
import * as repo from "./application.repository.js";

type EmailedStatus = TemplateData["application_status"]["status"];
/** The stages the seed's status email speaks of; the others (back to applied, hired) send nothing. */
const EMAILED: readonly TApplicationStatus[] = ["screening", "interview", "offer", "rejected"] satisfies EmailedStatus[];

const stale = (now: TApplicationStatus) => new ServiceError("CONFLICT", `The application has moved on since you loaded it (it is now ${now}); reload and try again`);

/**
 * One conditional move with everything it implies, in one transaction: the row changes only if it is
 * still in `from` (else CONFLICT: someone moved it first), a stage-change row, an audit row, the
 * candidate's status email in the outbox (sent after the commit) and `application.changed` to the
 * candidate and the employer.
 */
async function applyMove(ctx: ServiceContext, actor: PolicyActor, app: repo.ApplicationRow, from: TApplicationStatus, to: TApplicationStatus, meta?: RequestMeta): Promise<void> {
  const email = EMAILED.includes(to) ? await emailFor(ctx, app, to as EmailedStatus) : undefined;
  const dispatch = await inTransaction(ctx, async (tx, txCtx) => {
    const now = ctx.now();
    const moved = await repo.moveApplication(tx, app.id, from, to, now);
    if (!moved) {
      const current = await repo.findApplication(tx, app.id);
      throw stale(current?.status ?? from);
    }
    await repo.insertStageChange(tx, { accountId: app.accountId, applicationId: app.id, fromStatus: from, toStatus: to, actorUserId: actor.userId, at: now });
    await recordAudit(tx, {
      eventType: to === "withdrawn" ? "application.withdrawn" : "application.moved",
      actor: by(actor),
      target: { type: "application", id: app.id },
      accountId: app.accountId,
      meta,
      details: { postingId: app.postingId, from, to },
    });
    await publishApplicationChange(txCtx, moved);
    return email ? queueEmailInTx(ctx, tx, { ...email, accountId: app.accountId }) : undefined;
  });
  await dispatch?.();
  // The candidate's bell too, for the employer's moves (their own withdrawal tells them nothing new).
  if (to !== "withdrawn") await applicationStatusChanged(ctx, { applicationId: app.id });
}

async function emailFor(ctx: ServiceContext, app: repo.ApplicationRow, status: EmailedStatus) {
  const [candidate, posting, employer] = await Promise.all([
    repo.findCandidate(ctx.db, app.candidateUserId),
    repo.findPostingForApply(ctx.db, app.postingId),
    ctx.db.select({ name: schema.accounts.name }).from(schema.accounts).where(eq(schema.accounts.id, app.accountId)),
  ]);
  if (!candidate) return undefined;
  const data = { name: candidate.name, jobTitle: posting?.title ?? "the position", employerName: employer[0]?.name ?? "the employer", status, applicationUrl: appUrl(ctx, `/candidate/applications/${app.id}`) };
  return { to: candidate.email, template: "application_status" as const, data };
}

/**
 * An employer's recruiter (or admin) moves an application along the pipeline (PIPELINE_MOVES).
 * A candidate's id reaches them as NOT_FOUND (they are not in the employer's tenant); a hiring
 * manager reads but may not move (FORBIDDEN). Moving to the stage it is in changes nothing.
 */
export async function moveApplication(ctx: ServiceContext, actor: PolicyActor, input: TMoveApplicationInput, meta?: RequestMeta): Promise<TApplicationDetail> {
  const app = await repo.findApplication(ctx.db, input.id);
  if (!app) throw notFound("Application");
  authorize(actor, "recruiting.manage", { accountId: app.accountId }, "Application");
  const from = input.from ?? app.status;
  if (from !== app.status) throw stale(app.status);
  if (input.to !== from) {
    const allowed = PIPELINE_MOVES[from];
    if (!allowed.includes(input.to)) {
      const message = allowed.length ? `From ${from} an application can move to ${allowed.join(", ")}` : `A ${from} application can't be moved any more`;
      throw new ServiceError("BAD_REQUEST", message, { to: [message] });
    }
    await applyMove(ctx, actor, app, from, input.to, meta);
  }
  return getApplication(ctx, actor, app.id);
}

/** The candidate withdraws their own application while it is still open; someone else's id is NOT_FOUND. */
export async function withdrawApplication(ctx: ServiceContext, actor: PolicyActor, id: string, meta?: RequestMeta): Promise<TMyApplicationDetail> {
  const app = await repo.findApplication(ctx.db, id);
  if (!app || app.candidateUserId !== actor.userId) throw notFound("Application");
  if (!WITHDRAWABLE.includes(app.status)) throw new ServiceError("CONFLICT", `This application is already ${app.status}; it can't be withdrawn`);
  await applyMove(ctx, actor, app, app.status, "withdrawn", meta);
  return getMyApplication(ctx, actor, id);
}
