import os from "node:os";
import type { Redis } from "ioredis";
import type { Logger } from "@atrium/config";
import { removeHeartbeat, writeHeartbeat, type TWorkerHeartbeat } from "@atrium/core/system";

export interface HeartbeatOptions {
  redis: Redis;
  prefix: string;
  workerId: string;
  queues: string[];
  intervalSeconds: number;
  logger: Logger;
  now: () => Date;
}

/**
 * Writes this process's heartbeat now and every `intervalSeconds`, with a TTL
 * of three intervals so one slow beat doesn't make a live worker vanish.
 */
export async function startHeartbeat(opts: HeartbeatOptions): Promise<{ stop: () => Promise<void> }> {
  const base = { id: opts.workerId, hostname: os.hostname(), pid: process.pid, startedAt: opts.now().toISOString(), queues: opts.queues };
  const ttl = opts.intervalSeconds * 3;
  const beat = () => writeHeartbeat(opts.redis, opts.prefix, { ...base, lastSeenAt: opts.now().toISOString() } satisfies TWorkerHeartbeat, ttl);

  await beat();
  let inflight: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    // A missed beat is not fatal: Redis may be briefly away, the TTL covers it.
    inflight = beat().catch((err: unknown) => opts.logger.warn({ err }, "heartbeat write failed"));
  }, opts.intervalSeconds * 1000);
  timer.unref();

  return {
    stop: async () => {
      clearInterval(timer);
      // A beat still in flight would otherwise land after the delete and resurrect the key.
      await inflight;
      await removeHeartbeat(opts.redis, opts.prefix, opts.workerId);
    },
  };
}
