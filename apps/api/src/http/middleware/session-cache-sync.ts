import { Redis } from "ioredis";
import { redisOptions, type Env, type Logger } from "@atrium/config";
import { createSessionCache, decodeAuthChange, encodeAuthChange, type SessionCache } from "@atrium/core";

export interface SessionCacheSync {
  cache: SessionCache | undefined;
  close: () => Promise<void>;
}

/**
 * The api process's session cache, kept honest across processes: every
 * logout, disable or password change is published on one Redis channel and
 * every process drops what it names. Subscribing takes its own connection (a
 * subscribed client can issue nothing else). While that subscription is down
 * the cache is bypassed, so a message missed meanwhile is never served from it;
 * SESSION_CACHE_TTL_MS bounds the rest (a publish that failed).
 */
export async function startSessionCacheSync(config: Env, publisher: Redis, logger: Logger): Promise<SessionCacheSync> {
  if (!config.SESSION_CACHE_TTL_MS || !config.REDIS_URL) return { cache: undefined, close: async () => {} };
  const channel = `${config.REDIS_PREFIX}:auth:changed`;
  const cache = createSessionCache({
    ttlMs: config.SESSION_CACHE_TTL_MS,
    publish: (change) => publisher.publish(channel, encodeAuthChange(change)),
    logger,
  });
  const subscriber = new Redis(config.REDIS_URL, { ...redisOptions(config), maxRetriesPerRequest: null, lazyConnect: true });
  subscriber.on("error", (err) => logger.warn({ err: err.message }, "session cache subscriber error"));
  subscriber.on("message", (_channel: string, message: string) => cache.drop(decodeAuthChange(message)));
  subscriber.on("close", () => cache.setLive(false));
  // ioredis re-subscribes by itself after a reconnect; the cache goes live again only once it has.
  subscriber.on("ready", () => void subscriber.subscribe(channel).then(() => cache.setLive(true), () => cache.setLive(false)));
  await subscriber.connect().catch((err: unknown) => logger.warn({ err }, "session cache subscriber not connected; cache off until it is"));
  return {
    cache,
    close: async () => {
      cache.setLive(false);
      subscriber.disconnect();
    },
  };
}
