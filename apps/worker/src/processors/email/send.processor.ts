import { UnrecoverableError } from "bullmq";
import { emailService, EMAIL_JOBS, ServiceError } from "@atrium/core";
import { emitTelemetry } from "@atrium/core/system";
import { defineProcessor, isLastAttempt } from "../base.js";

/**
 * Delivers one outbox email. Failures are retried with backoff; after the last
 * attempt the row is marked failed so the outbox shows it. A missing row can't
 * appear later, so that fails at once.
 */
export const sendEmailProcessor = defineProcessor(EMAIL_JOBS.send, async ({ emailId }, ctx) => {
  try {
    const outcome = await emailService.deliverEmail(ctx, ctx.emailTransport, emailId);
    ctx.logger.info({ emailId, outcome, transport: ctx.emailTransport.name }, "email delivered");
    emitTelemetry("email.send", { transport: ctx.emailTransport.name, outcome });
    return { outcome };
  } catch (err) {
    emitTelemetry("email.send", { transport: ctx.emailTransport.name, outcome: "failed" });
    if (err instanceof ServiceError && err.code === "NOT_FOUND") throw new UnrecoverableError(`email ${emailId} not found`);
    if (isLastAttempt(ctx.job)) await emailService.markEmailFailed(ctx, emailId, err instanceof Error ? err.message : String(err));
    throw err;
  }
});
