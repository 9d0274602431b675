import type { Redis } from "ioredis";
import { realtimeKey } from "./realtime-redis.service.js";
import type { RealtimeTopic, TRealtimeEnvelope, TRealtimeEvent } from "./realtime.schema.js";

/** Events a freshly opened stream replays at most; past it the stream sends one `resync` instead (refetching is cheaper). */
export const OPEN_REPLAY_MAX = 100;

export const seqOf = (id: string) => Number(id.split("-")[0]);

/** A message or stream entry as the publisher's script wrote it: `{at, event}` under the global id. */
export function decodeEnvelope(id: number, body: string): TRealtimeEnvelope | null {
  try {
    const { at, event } = JSON.parse(body) as { at: string; event: TRealtimeEvent };
    return { id: String(id), at, event };
  } catch {
    return null;
  }
}

/** `newest`: the highest id read on any of the topics (0: none), replayed or not. */
export type OpenReplay = { newest: number } & ({ resync: false; events: TRealtimeEnvelope[] } | { resync: true });

/**
 * What a stream opened without lastEventId replays: the events on `topics`
 * published at or after `since` (their `at`), merged by id, each once, oldest
 * first. A client's reads and its stream's SUBSCRIBE are not one step, so an
 * event published between them would otherwise be lost to it. More than `max`
 * such events is `resync` instead. One round trip: the newest `max + 1` entries of each topic.
 */
export async function readOpenReplay(redis: Redis, prefix: string, topics: readonly RealtimeTopic[], since: number, max = OPEN_REPLAY_MAX): Promise<OpenReplay> {
  const pipe = redis.pipeline();
  for (const t of topics) pipe.xrevrange(realtimeKey(prefix, t), "+", "-", "COUNT", max + 1);
  const results = (await pipe.exec()) ?? [];
  const byId = new Map<number, TRealtimeEnvelope>();
  let newest = 0;
  for (const [err, entries] of results) {
    if (err) throw err;
    // A topic with more than `max` recent entries fills its whole COUNT: the total then exceeds `max` too.
    for (const [id, fields] of entries as Array<[string, string[]]>) {
      const seq = seqOf(id);
      newest = Math.max(newest, seq);
      const env = decodeEnvelope(seq, fields[1] ?? "");
      // `at` is the publisher's clock, taken just before its script ran: close to the order of ids, not bound by it.
      if (!env || !(Date.parse(env.at) >= since)) continue;
      byId.set(seq, env);
    }
  }
  if (byId.size > max) return { resync: true, newest };
  return { resync: false, newest, events: [...byId.entries()].sort(([a], [b]) => a - b).map(([, env]) => env) };
}
