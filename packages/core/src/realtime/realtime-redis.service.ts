import type { Redis } from "ioredis";
import type { RealtimePublisher } from "./realtime.service.js";
import type { RealtimeTopic, TRealtimeEnvelope } from "./realtime.schema.js";

/** How many events each topic keeps for reconnecting clients, and for how long (seconds). */
export const REALTIME_BACKLOG = { maxLen: 1000, ttlSeconds: 24 * 60 * 60 };

/** The Redis key of a topic: a stream (the backlog) and a pub/sub channel (live) of the same name. */
export const realtimeKey = (prefix: string, topic: RealtimeTopic) => `${prefix}:rt:t:${topic}`;
export const realtimeSeqKey = (prefix: string) => `${prefix}:rt:seq`;

// One script, so the id, the backlog entries and the live messages are one atomic step:
// ids rise in publish order across all topics, and a subscriber that read the backlog
// after subscribing sees every event either there or live (or both; ids dedupe).
const PUBLISH_SCRIPT = `
local id = redis.call('INCR', KEYS[1])
local sid = id .. '-0'
for i = 2, #KEYS do
  redis.call('XADD', KEYS[i], 'MAXLEN', '~', ARGV[2], sid, 'e', ARGV[1])
  redis.call('EXPIRE', KEYS[i], ARGV[3])
  redis.call('PUBLISH', KEYS[i], id .. ' ' .. ARGV[1])
end
return id`;

/** Encodes what the script stores: the envelope without its id (the id is the stream entry's). */
export function encodeRealtimeBody(envelope: Omit<TRealtimeEnvelope, "id">): string {
  return JSON.stringify(envelope);
}

type PublishingRedis = Redis & { atriumRealtimePublish(numberOfKeys: number, ...args: string[]): Promise<unknown> };

// defineCommand sends EVALSHA and loads the script only when Redis lacks it: the publish runs on every
// job event, so the script's text shouldn't travel each time. Defined once per client.
function withPublishCommand(redis: Redis): PublishingRedis {
  if (!("atriumRealtimePublish" in redis)) redis.defineCommand("atriumRealtimePublish", { lua: PUBLISH_SCRIPT });
  return redis as PublishingRedis;
}

/** A publisher over Redis: every api and worker process publishes through one of these. */
export function createRedisRealtimePublisher(redis: Redis, prefix: string, now: () => Date = () => new Date()): RealtimePublisher {
  const client = withPublishCommand(redis);
  return {
    async publish(topics, event) {
      const unique = [...new Set(topics)];
      if (unique.length === 0) return;
      const body = encodeRealtimeBody({ at: now().toISOString(), event });
      await client.atriumRealtimePublish(
        unique.length + 1,
        realtimeSeqKey(prefix),
        ...unique.map((t) => realtimeKey(prefix, t)),
        body,
        String(REALTIME_BACKLOG.maxLen),
        String(REALTIME_BACKLOG.ttlSeconds),
      );
    },
  };
}
