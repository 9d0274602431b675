import { RECRUITING_JOBS, sendInterviewReminders } from "@atrium/core";
import { defineProcessor } from "../base.js";

/** Emails the candidates whose interviews start within the lead; safe on every replica at once. */
export const interviewRemindersProcessor = defineProcessor(RECRUITING_JOBS.interviewReminders, async ({ limit }, ctx) => {
  const out = await sendInterviewReminders(ctx, { limit });
  if (out.sent) ctx.logger.info(out, "interview reminders queued");
  return out;
});
