import { publishEvent } from "../realtime/realtime.service.js";
import { accountTopic, userTopic } from "../realtime/realtime.schema.js";
import type { ServiceContext } from "../shared/context.js";
import { inTransaction } from "../shared/tx.js";
import * as repo from "./interview.repository.js";

/**
 * When an interview becomes "completed" (decided here, issue 15's loose end):
 * - as soon as an interviewer submits feedback after its end (interview-feedback.service), or
 * - at the latest INTERVIEW_COMPLETION_GRACE_MINUTES after its end, by the worker's sweep (below),
 *   so one nobody wrote feedback on doesn't stay "scheduled" in the past.
 * The grace leaves an interview that overran its slot live a while (it can still be cancelled).
 * Completed interviews can't be moved, cancelled or confirmed; feedback on them is still taken.
 */
export const INTERVIEW_COMPLETION_GRACE_MINUTES = 60;

/** The live event of a completion, to the candidate and the employer (both pages follow the status). */
export async function announceCompleted(ctx: ServiceContext, row: { id: string; applicationId: string; accountId: string }, candidateUserId: string): Promise<void> {
  await publishEvent(ctx, [userTopic(candidateUserId), accountTopic(row.accountId)], { type: "interview.changed", interviewId: row.id, applicationId: row.applicationId, accountId: row.accountId, status: "completed" });
}

/**
 * The worker's sweep: interviews that ended more than the grace ago and are still live become
 * completed, each announced live. Skips rows another sweep holds, so replicas don't collide.
 */
export async function completeEndedInterviews(ctx: ServiceContext, input: { limit: number }): Promise<{ completed: number }> {
  const now = ctx.now();
  const endedBefore = new Date(now.getTime() - INTERVIEW_COMPLETION_GRACE_MINUTES * 60_000);
  const done = await inTransaction(ctx, async (tx, txCtx) => {
    const rows = await repo.completeEnded(tx, endedBefore, now, input.limit);
    for (const row of rows) {
      const detail = await repo.findInterviewDetail(tx, row.id);
      if (detail) await announceCompleted(txCtx, row, detail.candidateUserId);
    }
    return rows.length;
  });
  return { completed: done };
}
