import { z } from "zod";

export const EMAIL_JOBS = {
  send: "email.send",
  requeueStale: "email.requeue-stale",
  redactExpiredLinks: "email.redact-expired-links",
} as const;

/** The worker renders nothing: the outbox row already holds the rendered email. */
export const ZSendEmailPayload = z.strictObject({ emailId: z.uuid() });
export type TSendEmailPayload = z.infer<typeof ZSendEmailPayload>;

/** Rows still queued this long after creation lost their job (Redis was away); enqueue them again. */
export const ZRequeueStaleEmailsPayload = z.strictObject({ olderThanMinutes: z.number().int().positive().default(10) });
export type TRequeueStaleEmailsPayload = z.infer<typeof ZRequeueStaleEmailsPayload>;

/**
 * The longest-lived link we email is an organization invitation (7 days); after
 * that no recorded link can work, so none needs to stay readable in the outbox.
 */
export const OUTBOX_LINK_LIFETIME_HOURS = 7 * 24;

/** Outbox rows older than this get their links redacted (the dev outbox keeps them readable until then). */
export const ZRedactExpiredLinksPayload = z.strictObject({ olderThanHours: z.number().int().positive().default(OUTBOX_LINK_LIFETIME_HOURS) });
export type TRedactExpiredLinksPayload = z.infer<typeof ZRedactExpiredLinksPayload>;
