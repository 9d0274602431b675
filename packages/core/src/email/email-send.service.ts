import { UnrecoverableError } from "bullmq";
import type { ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import { emitTelemetry } from "../system/telemetry.service.js";
import { deliverEmail, markEmailFailed } from "./email.service.js";
import type { EmailTransport } from "./transport.service.js";

/** The queue's side of one delivery of the send job: whether a failure now is final. */
export interface SendAttempt {
  last: boolean;
}

/**
 * The send job's rules: deliver one outbox email. A failure is rethrown for the queue's backoff;
 * after the last attempt the row is marked failed so the outbox shows it. A missing row can't
 * appear later, so that fails the job at once (not retried).
 */
export async function sendQueuedEmail(ctx: ServiceContext, transport: EmailTransport, attempt: SendAttempt, emailId: string): Promise<{ outcome: "sent" | "skipped" }> {
  try {
    const outcome = await deliverEmail(ctx, transport, emailId);
    ctx.logger.info({ emailId, outcome, transport: transport.name }, "email delivered");
    emitTelemetry("email.send", { transport: transport.name, outcome });
    return { outcome };
  } catch (err) {
    emitTelemetry("email.send", { transport: transport.name, outcome: "failed" });
    if (err instanceof ServiceError && err.code === "NOT_FOUND") throw new UnrecoverableError(`email ${emailId} not found`);
    if (attempt.last) await markEmailFailed(ctx, emailId, err instanceof Error ? err.message : String(err));
    throw err;
  }
}
