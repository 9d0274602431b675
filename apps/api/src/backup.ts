// `npm run backup`: a full backup (every table by COPY in one snapshot, every stored file, a manifest)
// into BACKUP_DIR, mirrored to BACKUP_S3_BUCKET when set, old generations pruned. Prints the manifest's summary.
import { configOrExit, createLogger } from "@atrium/config";
import { backupMirrorFromConfig, createBackup, storageFromConfig } from "@atrium/core";
import { createDb } from "@atrium/db";

const config = configOrExit();
const logger = createLogger(config, "backup");
if (!config.DATABASE_URL) {
  logger.fatal("DATABASE_URL is required");
  process.exit(1);
}
const { db, close } = createDb(config.DATABASE_URL, { max: 2 });
try {
  const result = await createBackup({ db, config, logger, now: () => new Date() }, { storage: storageFromConfig(config), mirror: backupMirrorFromConfig(config) });
  const rows = Object.values(result.manifest.tables).reduce((s, t) => s + t.rows, 0);
  console.log(JSON.stringify({ id: result.id, dir: result.dir, rows, files: result.manifest.files.length, durationMs: result.manifest.durationMs, pruned: result.pruned }));
  await close();
} catch (err) {
  logger.fatal({ err }, "backup failed");
  await close();
  logger.flush(() => process.exit(1));
}
