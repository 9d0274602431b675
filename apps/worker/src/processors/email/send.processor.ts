import { EMAIL_JOBS, sendQueuedEmail } from "@atrium/core";
import { attemptOf, defineProcessor } from "../base.js";

/** Delivers one outbox email; the retry rules (backoff, the last attempt marks the row failed) live in core's email domain. */
export const sendEmailProcessor = defineProcessor(EMAIL_JOBS.send, ({ emailId }, ctx) => sendQueuedEmail(ctx, ctx.emailTransport, attemptOf(ctx), emailId));
