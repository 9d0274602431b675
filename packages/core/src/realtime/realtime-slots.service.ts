import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { ServiceError } from "../shared/errors.js";
import { MAX_STREAMS_PER_USER } from "./realtime-stream.schema.js";

/** How long a slot lives without a refresh: a crashed process's streams free their slots after this. */
export const STREAM_SLOT_TTL_MS = 90_000;

// Drop expired slots, count, take one: atomic, so two connects at once can't both take the last slot.
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

export interface StreamSlot {
  /** Keeps the slot (call it more often than STREAM_SLOT_TTL_MS). */
  refresh(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Open streams per user, counted in Redis across every api process: the
 * (MAX_STREAMS_PER_USER + 1)th is refused with 429 so one user can't hold a
 * process's sockets. Slots expire unless refreshed, so a crash leaks none for long.
 */
export function createStreamSlots(redis: Redis, prefix: string, max = MAX_STREAMS_PER_USER, now: () => number = Date.now) {
  const key = (userId: string) => `${prefix}:rt:streams:${userId}`;
  return {
    async take(userId: string): Promise<StreamSlot> {
      const id = randomUUID();
      const t = now();
      const ok = await redis.eval(TAKE, 1, key(userId), String(t), String(t + STREAM_SLOT_TTL_MS), String(max), id, String(STREAM_SLOT_TTL_MS));
      if (ok !== 1) throw new ServiceError("TOO_MANY_REQUESTS", `Too many open event streams: at most ${max} per user; close one (another tab or client) and retry`);
      return {
        refresh: async () => {
          await redis.zadd(key(userId), "XX", String(now() + STREAM_SLOT_TTL_MS), id);
        },
        release: async () => {
          await redis.zrem(key(userId), id);
        },
      };
    },
  };
}
export type StreamSlots = ReturnType<typeof createStreamSlots>;
