import { DelayedError } from "bullmq";
import { messageDigestService, messageService, NOTIFICATION_JOBS } from "@atrium/core";
import { attemptOf, defineProcessor } from "../base.js";

/**
 * A recipient's delayed digest of unread conversations (core decides what goes in it). When messages
 * arrived while it was pending, their schedule was absorbed by this job (one pending per user), so the
 * job goes back to delayed for them instead of finishing: the next message can't slip between two jobs.
 */
export const messageDigestProcessor = defineProcessor(NOTIFICATION_JOBS.messageDigest, async ({ userId }, ctx) => {
  const { emailId, retryAt } = await messageDigestService.runMessageDigest(ctx, userId, messageService.listUnreadForDigest);
  if (!retryAt) return { emailId };
  await attemptOf(ctx).postpone(retryAt.getTime());
  throw new DelayedError();
});
