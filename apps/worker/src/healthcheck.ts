// `node --conditions=compiled apps/worker/dist/healthcheck.js`: the container healthcheck of a
// worker. Healthy = a worker on this host has a live heartbeat in Redis (keys expire when it stops).
import os from "node:os";
import { Redis } from "ioredis";
import { loadConfig, redisOptions } from "@atrium/config";
import { listHeartbeats } from "@atrium/core/system";

const config = loadConfig();
const redis = new Redis(config.REDIS_URL ?? "", { ...redisOptions(config), maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true });
redis.on("error", () => {});
const healthy = await redis
  .connect()
  .then(() => listHeartbeats(redis, config.REDIS_PREFIX))
  .then((beats) => beats.some((b) => b.hostname === os.hostname()))
  .catch(() => false);
redis.disconnect();
process.exit(healthy ? 0 : 1);
