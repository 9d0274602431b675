import { backupMirrorFromConfig, createBackup, storageFromConfig } from "@atrium/core";
import { DATA_JOBS } from "@atrium/core/queues";
import { defineProcessor } from "../base.js";

/** A full backup into BACKUP_DIR (and BACKUP_S3_BUCKET), on BACKUP_CRON or when staff press "back up now". */
export const backupProcessor = defineProcessor(DATA_JOBS.backup, async (payload, ctx) => {
  const result = await createBackup(ctx, { storage: storageFromConfig(ctx.config), mirror: backupMirrorFromConfig(ctx.config), actorId: payload.requestedById ?? null });
  return { id: result.id, durationMs: result.manifest.durationMs, pruned: result.pruned };
});
