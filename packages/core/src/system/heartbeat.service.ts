import type { Redis } from "ioredis";
import { ZWorkerHeartbeat, type TWorkerHeartbeat } from "./heartbeat.schema.js";

// Heartbeats are plain keys with a TTL, so a worker that dies without cleaning
// up disappears on its own after a few missed beats; no registry to prune.

export function heartbeatKey(prefix: string, workerId: string): string {
  return `${prefix}:worker:heartbeat:${workerId}`;
}

export async function writeHeartbeat(redis: Redis, prefix: string, beat: TWorkerHeartbeat, ttlSeconds: number): Promise<void> {
  await redis.set(heartbeatKey(prefix, beat.id), JSON.stringify(beat), "EX", ttlSeconds);
}

export async function removeHeartbeat(redis: Redis, prefix: string, workerId: string): Promise<void> {
  await redis.del(heartbeatKey(prefix, workerId));
}

/** Live workers under a prefix, newest beat first. SCAN, not KEYS, so a big keyspace isn't blocked. */
export async function listHeartbeats(redis: Redis, prefix: string): Promise<TWorkerHeartbeat[]> {
  const match = `${heartbeatKey(prefix, "").replace(/[*?[\]\\]/g, "\\$&")}*`;
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", match, "COUNT", 200);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  if (keys.length === 0) return [];
  const values = await redis.mget(...keys);
  const beats: TWorkerHeartbeat[] = [];
  for (const value of values) {
    // A key can expire between SCAN and MGET; a malformed value is not a live worker.
    if (!value) continue;
    const parsed = ZWorkerHeartbeat.safeParse(safeJson(value));
    if (parsed.success) beats.push(parsed.data);
  }
  return beats.sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
