// `npm run migrate`: migrations, then the default tenant, its prices and the admin user, all
// under one Postgres advisory lock so several replicas (or a compose one-shot) may run it at once.
import { configOrExit, createLogger } from "@atrium/config";
import { bootstrap } from "@atrium/core";
import { migrateDb } from "@atrium/db";

const config = configOrExit();
const logger = createLogger(config, "migrate");
if (!config.DATABASE_URL) {
  logger.fatal("DATABASE_URL is required");
  process.exit(1);
}
try {
  await migrateDb(config.DATABASE_URL, async (db) => {
    const result = await bootstrap({ db, config, logger, now: () => new Date() });
    logger.info(result, "migrations applied, bootstrap done");
  });
} catch (err) {
  logger.fatal({ err }, "migration failed");
  logger.flush(() => process.exit(1));
}
