import { z } from "zod";

/** Job names of the documents domain; the string is what BullMQ stores. */
export const DOCUMENT_JOBS = {
  purgeDeleted: "documents.purge-deleted",
} as const;

/** Without `olderThanDays` the purge uses SOFT_DELETE_RETENTION_DAYS. Strict so a typo'd payload fails loudly. */
export const ZPurgeDeletedDocumentsPayload = z.strictObject({
  olderThanDays: z.number().int().min(0).optional(),
});
export type TPurgeDeletedDocumentsPayload = z.infer<typeof ZPurgeDeletedDocumentsPayload>;
