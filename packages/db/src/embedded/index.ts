export { freePort } from "./free-port.js";
export { startEmbeddedPostgres, type RunningPostgres, type EmbeddedPostgresOptions } from "./postgres.js";
export { startRedisServer, redisServerAvailable, type RunningRedis } from "./redis.js";
