import { z } from "zod";

export const EMAIL_TEMPLATES = ["welcome", "password_reset", "organization_invitation", "verify_email", "low_balance", "payment_failed", "notification", "message_digest", "application_status"] as const;
export const ZEmailTemplate = z.enum(EMAIL_TEMPLATES);
export type TEmailTemplate = z.infer<typeof ZEmailTemplate>;

export const ZEmailStatus = z.enum(["queued", "sent", "failed"]);

export const ZOutboxEmail = z
  .object({
    id: z.uuid(),
    toAddress: z.string(),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    template: z.string(),
    status: ZEmailStatus,
    transport: z.string().nullable(),
    error: z.string().nullable(),
    attempts: z.number().int(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: "OutboxEmail" });
export type TOutboxEmail = z.infer<typeof ZOutboxEmail>;
