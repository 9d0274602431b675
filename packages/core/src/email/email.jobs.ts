import { z } from "zod";

export const EMAIL_JOBS = {
  send: "email.send",
  requeueStale: "email.requeue-stale",
} as const;

/** The worker renders nothing: the outbox row already holds the rendered email. */
export const ZSendEmailPayload = z.strictObject({ emailId: z.uuid() });
export type TSendEmailPayload = z.infer<typeof ZSendEmailPayload>;

/** Rows still queued this long after creation lost their job (Redis was away); enqueue them again. */
export const ZRequeueStaleEmailsPayload = z.strictObject({ olderThanMinutes: z.number().int().positive().default(10) });
export type TRequeueStaleEmailsPayload = z.infer<typeof ZRequeueStaleEmailsPayload>;
