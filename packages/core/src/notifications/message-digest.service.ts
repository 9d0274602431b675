import type { ServiceContext } from "../shared/context.js";
import { appUrl } from "../email/email-in-tx.service.js";
import { queueEmail } from "../email/email.service.js";
import { channelFor } from "./notification.service.js";
import * as repo from "./notification.repository.js";
import { NOTIFICATION_JOBS } from "./notifications.jobs.js";
import { unsubscribeUrl } from "./unsubscribe.service.js";

/** One conversation with messages the user hasn't read (messaging's listUnreadForDigest). */
export interface DigestConversation {
  conversationId: string;
  otherName: string;
  unreadCount: number;
  newestSnippet: string;
  newestAt: Date | string;
}
export type ListUnreadForDigest = (ctx: ServiceContext, input: { userId: string; sentBefore: Date }) => Promise<DigestConversation[]>;

/** BullMQ job id of a user's pending digest: while one is pending, scheduling another is a no-op (BullMQ keeps the first). */
export const digestJobId = (userId: string) => `message-digest-${userId}`;

/**
 * Called when a message is sent: makes sure ONE digest is pending for the
 * recipient, due MESSAGE_EMAIL_DELAY_MS from now (the first unread message
 * starts the clock; later ones join it). Never fails the send: a lost
 * schedule costs an email, not a message.
 */
export async function scheduleMessageDigest(ctx: ServiceContext, input: { recipientId: string }): Promise<void> {
  if (!ctx.jobs) return;
  try {
    if ((await channelFor(ctx.db, input.recipientId, "message.new")) === "off") return;
    await ctx.jobs.enqueue(
      NOTIFICATION_JOBS.messageDigest,
      { userId: input.recipientId },
      // Removed when done, so the next message after this digest can schedule the next one under the same id.
      { jobId: digestJobId(input.recipientId), delay: ctx.config.MESSAGE_EMAIL_DELAY_MS, removeOnComplete: true, removeOnFail: true },
    );
  } catch (err) {
    ctx.logger.warn({ err, userId: input.recipientId }, "could not schedule the message digest");
  }
}

const at = (c: DigestConversation) => new Date(c.newestAt).getTime();

/**
 * The digest run: one email listing every conversation still unread and
 * older than the delay (nothing when all were read meanwhile, or the user
 * turned message emails off). Messages newer than that were sent while this
 * digest was pending, so their own schedule was absorbed by it: `retryAt`
 * asks the caller to run this same job again later for them.
 */
export async function runMessageDigest(ctx: ServiceContext, userId: string, listUnread: ListUnreadForDigest): Promise<{ emailId: string | null; retryAt: Date | null }> {
  if ((await channelFor(ctx.db, userId, "message.new")) === "off") return { emailId: null, retryAt: null };
  const user = await repo.findRecipient(ctx.db, userId);
  if (!user) return { emailId: null, retryAt: null };
  const now = ctx.now();
  const delay = ctx.config.MESSAGE_EMAIL_DELAY_MS;
  const due = await listUnread(ctx, { userId, sentBefore: new Date(now.getTime() - delay) });
  let emailId: string | null = null;
  if (due.length) {
    const email = await queueEmail(ctx, {
      to: user.email,
      template: "message_digest",
      data: {
        username: user.displayName || user.username,
        conversations: due.map((c) => ({ name: c.otherName, unreadCount: c.unreadCount, snippet: c.newestSnippet })),
        inboxUrl: appUrl(ctx, "/messages"),
        unsubscribeUrl: unsubscribeUrl(ctx, userId, "message.new"),
      },
    });
    emailId = email.id;
  }
  // Unread messages newer than the cutoff: the earliest conversation's newest one sets when to look again.
  const cutoff = now.getTime() - delay;
  const newer = (await listUnread(ctx, { userId, sentBefore: now })).map(at).filter((t) => t >= cutoff);
  return { emailId, retryAt: newer.length ? new Date(Math.min(...newer) + delay) : null };
}
