import { z } from "zod";

/** Job names of the tenancy domain; the string is what BullMQ stores. */
export const TENANCY_JOBS = {
  purgeSoftDeleted: "tenancy.purge-soft-deleted",
} as const;

/** Without `olderThanDays` the purge uses SOFT_DELETE_RETENTION_DAYS. Strict so a typo'd payload fails loudly. */
export const ZPurgeSoftDeletedPayload = z.strictObject({
  olderThanDays: z.number().int().min(0).optional(),
});
export type TPurgeSoftDeletedPayload = z.infer<typeof ZPurgeSoftDeletedPayload>;
