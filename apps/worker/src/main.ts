// The worker process: config from the environment, then startWorker until a signal.
import { configOrExit, configWarnings, createLogger, logEffectiveConfig } from "@atrium/config";
import { createDb } from "@atrium/db";
import { startWorker } from "./index.js";
import { startWorkerHttp } from "./observability/http.js";

const config = configOrExit();
const logger = createLogger(config, "worker");
logEffectiveConfig(config, logger, configWarnings(config));
if (!config.DATABASE_URL || !config.REDIS_URL) {
  logger.fatal("DATABASE_URL and REDIS_URL are required; `npm start` sets them for the embedded defaults");
  process.exit(1);
}

const { db, close: closeDb } = createDb(config.DATABASE_URL, { max: config.WORKER_CONCURRENCY + 1 });
// Signal handlers go in before the worker starts: a SIGTERM that lands while it is still starting
// (its heartbeat may already be visible) must drain it, not kill the process outright.
const starting = startWorker({ config, db, redisUrl: config.REDIS_URL, logger, now: () => new Date() });
const http = startWorkerHttp({ config, db, redisUrl: config.REDIS_URL, logger, worker: starting });

let firstSignalAt: number | undefined;
async function shutdown(signal: NodeJS.Signals) {
  if (firstSignalAt !== undefined) {
    // Ctrl-C under `tsx watch` delivers SIGINT twice (terminal + relay); only a later one means "now".
    if (Date.now() - firstSignalAt < 1000) return;
    logger.warn({ signal }, "second signal, exiting without waiting for active jobs");
    process.exit(1);
  }
  firstSignalAt = Date.now();
  logger.info({ signal }, "shutting down: waiting for active jobs to finish");
  try {
    await (await starting).stop();
    await (await http)?.close();
    await closeDb();
    process.exitCode = 0;
  } catch (err) {
    logger.error({ err }, "error during shutdown");
    process.exitCode = 1;
  }
  logger.flush(() => process.exit());
}
process.on("SIGTERM", (s) => void shutdown(s));
process.on("SIGINT", (s) => void shutdown(s));
await starting;
