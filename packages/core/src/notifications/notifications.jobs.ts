import { z } from "zod";

export const NOTIFICATION_JOBS = {
  /** The delayed email of a user's unread conversations (one pending per user: see message-digest.service.ts). */
  messageDigest: "notifications.message-digest",
} as const;

export const ZMessageDigestPayload = z.strictObject({ userId: z.uuid() });
export type TMessageDigestPayload = z.infer<typeof ZMessageDigestPayload>;
