import { and, asc, inArray, lte } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import type { Storage } from "../storage/storage.service.js";

const { documents } = schema;
const BATCH = 200;

/**
 * For the scheduled purge: documents soft-deleted at least `olderThanDays` ago
 * (default SOFT_DELETE_RETENTION_DAYS) lose their bytes, then their rows. Bytes
 * go first, so a crash in between leaves a row to retry rather than an orphan file.
 */
export async function purgeDeletedDocuments(ctx: ServiceContext, storage: Storage, opts: { olderThanDays?: number } = {}): Promise<{ documents: number }> {
  const days = opts.olderThanDays ?? ctx.config.SOFT_DELETE_RETENTION_DAYS;
  const cutoff = new Date(ctx.now().getTime() - days * 86_400_000);
  let total = 0;
  for (;;) {
    const batch = await ctx.db
      .select({ id: documents.id, storageKey: documents.storageKey })
      .from(documents)
      .where(lte(documents.deletedAt, cutoff))
      .orderBy(asc(documents.deletedAt))
      .limit(BATCH);
    if (batch.length === 0) break;
    for (const d of batch) await storage.delete(d.storageKey);
    await ctx.db.delete(documents).where(and(inArray(documents.id, batch.map((d) => d.id)), lte(documents.deletedAt, cutoff)));
    total += batch.length;
    if (batch.length < BATCH) break;
  }
  if (total) ctx.logger.info({ documents: total, olderThanDays: days }, "purged deleted documents");
  return { documents: total };
}
