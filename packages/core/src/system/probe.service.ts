import { randomUUID } from "node:crypto";
import { text } from "node:stream/consumers";
import { pingDb, type Db } from "@atrium/db";
import type { Redis } from "ioredis";
import type { Storage } from "../storage/storage.service.js";

export const PROBE_TIMEOUT_MS = 2000;

export type ProbeResult<T = undefined> = { ok: true; latencyMs: number; value: T } | { ok: false; latencyMs: number; error: string };

/** Runs `fn` with a deadline, timing it. The error text is for logs and staff, not for anonymous callers. */
export async function probe<T>(fn: () => Promise<T>, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult<T>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const value = await Promise.race([fn(), deadline]);
    return { ok: true, latencyMs: Math.round(performance.now() - started), value };
  } catch (e) {
    const error = (e instanceof Error ? e.message : String(e)).split("\n")[0]?.slice(0, 200) || "failed";
    return { ok: false, latencyMs: Math.round(performance.now() - started), error };
  } finally {
    clearTimeout(timer);
  }
}

export const probePostgres = (db: Db) => probe(() => pingDb(db));
export const probeRedis = (redis: Redis) => probe(() => redis.ping());

/** Writes, reads back and deletes a small object: proves the bucket or directory is writable, not just reachable. */
export function probeStorage(storage: Storage) {
  return probe(async () => {
    const key = `health-probes/${randomUUID()}.txt`;
    const body = `probe ${key}`;
    try {
      await storage.put(key, Buffer.from(body), { contentType: "text/plain" });
      const back = await text(await storage.get(key));
      if (back !== body) throw new Error("read back different bytes than were written");
    } finally {
      await storage.delete(key).catch(() => undefined);
    }
  });
}
