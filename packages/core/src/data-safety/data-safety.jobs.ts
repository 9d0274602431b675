import { z } from "zod";

/** Job names of the data-safety domain; the string is what BullMQ stores. */
export const DATA_JOBS = {
  backup: "data.backup",
} as const;

/** A scheduled backup (BACKUP_CRON) or staff's "back up now" (who asked, for the audit trail). */
export const ZBackupPayload = z.strictObject({
  requestedById: z.uuid().optional(),
});
export type TBackupPayload = z.infer<typeof ZBackupPayload>;
