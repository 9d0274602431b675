// The api process: config (+ the root .env), optional migrate-on-start, then serve until SIGTERM.
import { existsSync } from "node:fs";
import path from "node:path";
import { configOrExit, configWarnings, createLogger, logEffectiveConfig, redisOptions } from "@atrium/config";
import { bootstrap, createRealtimeHub, startFlagRuntime } from "@atrium/core";
import { createDb, migrateDb } from "@atrium/db";
import { Redis } from "ioredis";
import { createJobQueues } from "@atrium/core/queues";
import { startSessionCacheSync } from "./http/middleware/session-cache-sync.js";
import { createApp } from "./server.js";
import { installGracefulShutdown } from "./shutdown.js";

const config = configOrExit();
const logger = createLogger(config, "api");
// What `atrium config check` prints; configOrExit has already refused every problem, all at once.
logEffectiveConfig(config, logger, configWarnings(config));
if (!config.DATABASE_URL || !config.REDIS_URL) {
  logger.fatal("DATABASE_URL and REDIS_URL are required; `npm start` sets them for the embedded defaults");
  process.exit(1);
}

// Replicas normally start after `npm run migrate`; MIGRATE_ON_START is for single-process setups.
if (config.MIGRATE_ON_START) {
  await migrateDb(config.DATABASE_URL, (db) => bootstrap({ db, config, logger, now: () => new Date() }).then(() => undefined));
}
const { db, close } = createDb(config.DATABASE_URL);
// Auto-pipelining: the rate-limit calls of concurrent requests leave in one write per tick, not one syscall each.
const redis = new Redis(config.REDIS_URL, { ...redisOptions(config), maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false, enableAutoPipelining: true });
redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));

// BullMQ wants its own connection that retries forever instead of failing fast.
const queueConnection = new Redis(config.REDIS_URL, { ...redisOptions(config), maxRetriesPerRequest: null });
queueConnection.on("error", () => {});
const jobs = createJobQueues({ connection: queueConnection, prefix: config.REDIS_PREFIX });

if (config.WEB_DIST_DIR && !existsSync(path.join(config.WEB_DIST_DIR, "index.html"))) {
  logger.warn({ dir: config.WEB_DIST_DIR }, "no SPA build there (run `pnpm build`): serving the api only");
}
// Subscribed before the first read, so no flag change can fall in between (see startFlagRuntime).
const flags = await startFlagRuntime({ db, redis, prefix: config.REDIS_PREFIX, environment: config.ATRIUM_ENV, logger });
const sessions = await startSessionCacheSync(config, redis, logger);
// Every event stream of this process shares one subscriber connection (connected on the first stream).
const realtimeHub = createRealtimeHub({ redis, subscriber: new Redis(config.REDIS_URL, { ...redisOptions(config), maxRetriesPerRequest: null, lazyConnect: true }), prefix: config.REDIS_PREFIX, logger, openReplaySeconds: config.REALTIME_OPEN_REPLAY_SECONDS });
const app = createApp({ config, db, redis, jobs, logger, now: () => new Date(), flags, sessionCache: sessions.cache, realtimeHub });
const server = app.listen(config.API_PORT, () => logger.info({ env: config.NODE_ENV, spa: config.WEB_DIST_DIR ?? null }, `api listening on http://localhost:${config.API_PORT}`));
installGracefulShutdown({
  server,
  logger,
  timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  onStopping: [() => realtimeHub.close()],
  closers: [() => jobs.close().then(() => queueConnection.quit()), () => flags.close(), close, sessions.close, () => redis.quit()],
});
