import { emailService, EMAIL_JOBS } from "@atrium/core";
import { defineProcessor } from "../base.js";

/** Outbox rows past the longest link lifetime lose their live links. */
export const redactExpiredLinksProcessor = defineProcessor(EMAIL_JOBS.redactExpiredLinks, async (payload, ctx) => ({
  redacted: await emailService.redactExpiredLinks(ctx, payload),
}));
