import { z } from "zod";

/** Job names of the sessions domain; the string is what BullMQ stores. */
export const SESSION_JOBS = {
  purgeExpired: "sessions.purge-expired",
} as const;

/** The purge takes no input: "expired" is decided by the worker's clock. Strict so a typo'd payload fails loudly. */
export const ZPurgeExpiredSessionsPayload = z.strictObject({});
export type TPurgeExpiredSessionsPayload = z.infer<typeof ZPurgeExpiredSessionsPayload>;
