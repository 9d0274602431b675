import { recordAudit } from "../audit/audit.service.js";
import { by } from "../accounts/owner-guard.service.js";
import type { TenantActor } from "../accounts/actor.service.js";
import { publishEvent } from "../realtime/realtime.service.js";
import { accountTopic } from "../realtime/realtime.schema.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import { inTransaction } from "../shared/tx.js";
import * as repo from "./interview.repository.js";
import { interviewFor } from "./interview.service.js";
import { feedbackView } from "./interview-view.js";
import { announceCompleted } from "./interview-completion.service.js";
import type { TInterviewFeedback, TInterviewFeedbackList, TInterviewIdInput, TSubmitFeedbackInput } from "./interview.schema.js";

/**
 * An interviewer writes (or rewrites) their own notes, scorecard and recommendation.
 * Outside the employer it is NOT_FOUND; inside, anyone not on this interview's panel is
 * FORBIDDEN, recruiters included: feedback is the interviewer's own word.
 */
export async function submitFeedback(ctx: ServiceContext, actor: TenantActor, input: TSubmitFeedbackInput, meta?: RequestMeta): Promise<TInterviewFeedback> {
  const detail = await interviewFor(ctx, actor, input.id, "recruiting.read");
  const i = detail.interview;
  if (!(await repo.findPanelSeat(ctx.db, i.id, actor.userId))) throw new ServiceError("FORBIDDEN", "Only the interviewers of this interview write feedback on it");
  if (i.status === "cancelled") throw new ServiceError("CONFLICT", "This interview was cancelled; there is nothing to give feedback on");
  await inTransaction(ctx, async (tx, txCtx) => {
    const row = await repo.writeFeedback(tx, i.id, actor.userId, { notes: input.notes, scorecard: input.scorecard, recommendation: input.recommendation, feedbackAt: ctx.now() });
    if (!row) throw new ServiceError("FORBIDDEN", "Only the interviewers of this interview write feedback on it");
    await recordAudit(tx, {
      eventType: "interview.feedback_submitted",
      actor: by(actor),
      target: { type: "interview", id: i.id },
      accountId: i.accountId,
      meta,
      details: { applicationId: i.applicationId, recommendation: input.recommendation, criteria: input.scorecard.length },
    });
    // Feedback after the end closes the interview (interview-completion.service): both sides hear of that.
    const completed = await repo.completeIfEnded(tx, i.id, ctx.now());
    if (completed) return announceCompleted(txCtx, completed, detail.candidateUserId);
    // Otherwise the employer's views only: the candidate never learns there is feedback.
    await publishEvent(txCtx, [accountTopic(i.accountId)], { type: "interview.changed", interviewId: i.id, applicationId: i.applicationId, accountId: i.accountId, status: i.status });
  });
  const mine = (await repo.findPanels(ctx.db, [i.id])).find((p) => p.row.userId === actor.userId);
  if (!mine) throw new ServiceError("FORBIDDEN", "Only the interviewers of this interview write feedback on it");
  return feedbackView(mine);
}

/** Every interviewer's feedback on one interview, for the employer's recruiters, hiring managers and admins. */
export async function listFeedback(ctx: ServiceContext, actor: TenantActor, input: TInterviewIdInput): Promise<TInterviewFeedbackList> {
  await interviewFor(ctx, actor, input.id, "recruiting.read");
  return { items: (await repo.findPanels(ctx.db, [input.id])).map(feedbackView) };
}
