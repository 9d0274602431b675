import { createLogger, loadConfig } from "@atrium/config";
import { createDb, migrateDb } from "@atrium/db";
import { Redis } from "ioredis";
import { createJobQueues } from "@atrium/core/jobs";
import { createApp } from "./server.js";

const config = loadConfig();
const logger = createLogger(config, "api");
if (!config.DATABASE_URL || !config.REDIS_URL) {
  logger.fatal("DATABASE_URL and REDIS_URL are required; `npm start` sets them for the embedded defaults");
  process.exit(1);
}

await migrateDb(config.DATABASE_URL);
const { db, close } = createDb(config.DATABASE_URL);
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));

// BullMQ wants its own connection that retries forever instead of failing fast.
const queueConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
queueConnection.on("error", () => {});
const jobs = createJobQueues({ connection: queueConnection, prefix: config.REDIS_PREFIX });

const app = createApp({ config, db, redis, jobs, logger, now: () => new Date() });
const server = app.listen(config.API_PORT, () => logger.info(`api listening on http://localhost:${config.API_PORT}`));

async function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  server.close();
  await jobs.close();
  await Promise.allSettled([close(), redis.quit(), queueConnection.quit()]);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
