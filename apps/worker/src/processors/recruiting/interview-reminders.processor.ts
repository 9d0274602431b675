import { completeEndedInterviews, RECRUITING_JOBS, sendInterviewReminders } from "@atrium/core";
import { defineProcessor } from "../base.js";

/**
 * The interview sweep: emails the candidates whose interviews start within the lead, and marks
 * interviews completed once their end is past the grace; safe on every replica at once.
 */
export const interviewRemindersProcessor = defineProcessor(RECRUITING_JOBS.interviewReminders, async ({ limit }, ctx) => {
  const out = { ...(await sendInterviewReminders(ctx, { limit })), ...(await completeEndedInterviews(ctx, { limit })) };
  if (out.sent || out.completed) ctx.logger.info(out, "interview sweep");
  return out;
});
