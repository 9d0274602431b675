import { z } from "zod";

export const EMAIL_JOBS = {
  send: "email.send",
} as const;

/** The worker renders nothing: the outbox row already holds the rendered email. */
export const ZSendEmailPayload = z.strictObject({ emailId: z.uuid() });
export type TSendEmailPayload = z.infer<typeof ZSendEmailPayload>;
