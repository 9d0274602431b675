import { queueEmailInTx } from "../email/email-in-tx.service.js";
import type { ServiceContext } from "../shared/context.js";
import { inTransaction } from "../shared/tx.js";
import * as repo from "./interview.repository.js";
import { emailData } from "./interview.service.js";

/**
 * The worker's reminder sweep: interviews starting within INTERVIEW_REMINDER_LEAD_MINUTES
 * whose reminder has not gone out are marked and their candidate gets seed 002's
 * "Interview Reminder", in one transaction per sweep (a failed sweep marks nothing).
 * The claim is a conditional update, so several worker replicas send one email per
 * interview time; a reschedule clears the mark and the new time is reminded again.
 */
export async function sendInterviewReminders(ctx: ServiceContext, input: { limit: number }): Promise<{ sent: number }> {
  const now = ctx.now();
  const until = new Date(now.getTime() + ctx.config.INTERVIEW_REMINDER_LEAD_MINUTES * 60_000);
  const dispatches = await inTransaction(ctx, async (tx) => {
    const ids = await repo.claimDueReminders(tx, now, until, input.limit);
    const out: Array<() => Promise<void>> = [];
    for (const id of ids) {
      const detail = await repo.findInterviewDetail(tx, id);
      if (detail) out.push(await queueEmailInTx(ctx, tx, { to: detail.candidate.email, template: "interview_reminder", data: emailData(ctx, detail), accountId: detail.interview.accountId }));
    }
    return out;
  });
  for (const dispatch of dispatches) await dispatch();
  return { sent: dispatches.length };
}
