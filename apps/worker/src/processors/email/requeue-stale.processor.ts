import { emailService, EMAIL_JOBS } from "@atrium/core";
import { defineProcessor } from "../base.js";

/** Picks up emails whose send job never made it into Redis. */
export const requeueStaleEmailsProcessor = defineProcessor(EMAIL_JOBS.requeueStale, async (payload, ctx) => ({
  requeued: await emailService.requeueStaleEmails(ctx, payload),
}));
