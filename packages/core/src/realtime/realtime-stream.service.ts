import type { Redis } from "ioredis";
import type { Logger } from "@atrium/config";
import { ServiceError } from "../shared/errors.js";
import { createChannelHub, type ChannelHub } from "./realtime-hub.service.js";
import { REALTIME_BACKLOG, realtimeKey, realtimeSeqKey } from "./realtime-redis.service.js";
import type { RealtimeTopic, TRealtimeEnvelope } from "./realtime.schema.js";
import { ZRealtimeEventId } from "./realtime-stream.schema.js";
import { decodeEnvelope as decode, readOpenReplay, seqOf } from "./realtime-open-replay.service.js";

export interface OpenEventStreamOptions {
  topics: readonly RealtimeTopic[];
  /**
   * Resume after this id (what the client last received). Absent: the events of the hub's
   * `openReplaySeconds` before `requestedAt` first (see readOpenReplay), then live ones.
   */
  lastEventId?: string | null;
  /** When the client asked for the stream (the server's clock; default: now). */
  requestedAt?: Date;
  /** Ends the stream (the client went away, its session ended). */
  signal?: AbortSignal;
  /** Called once every topic is subscribed: from then on nothing published is missed (REST sends its headers then). */
  onSubscribed?: () => void;
}

/** The api process's realtime side: the shared subscriber (see ChannelHub) and the streams built on it. */
export interface RealtimeHub extends ChannelHub {
  /**
   * Subscribes first, then reads the backlog after `lastEventId`, then goes live:
   * nothing published in between is lost (the live messages that arrive while
   * the backlog is read wait, and ids dedupe the overlap). An event published to
   * several of the topics arrives once. When the backlog no longer reaches back to
   * `lastEventId` the first envelope is a `resync`. Without `lastEventId` the
   * same holds from `requestedAt` minus the open-replay window: the backlog's
   * recent events first, or one `resync` when there are too many.
   */
  openEventStream(opts: OpenEventStreamOptions): AsyncIterable<TRealtimeEnvelope>;
  /** Streams open in this process. */
  streams(): number;
}

export interface RealtimeHubOptions {
  /** The process's shared command connection (XRANGE, XINFO, GET). */
  redis: Redis;
  /** A dedicated connection for SUBSCRIBE (lazyConnect is fine). */
  subscriber: Redis;
  prefix: string;
  logger: Logger;
  /** A stream opened without lastEventId replays its topics' events of this many seconds before its request (REALTIME_OPEN_REPLAY_SECONDS); 0: none. */
  openReplaySeconds: number;
  now?: () => Date;
}

/** Live events held for one slow consumer before it is switched to catching up from the backlog. */
const MAX_BUFFERED = 2000;

export function createRealtimeHub({ redis, subscriber, prefix, logger, openReplaySeconds, now = () => new Date() }: RealtimeHubOptions): RealtimeHub {
  const channels = createChannelHub({ subscriber, logger });
  const closing = new AbortController();
  let open = 0;
  // Every stream on a channel gets the same payload: parse it once.
  let memo: { payload: string; env: TRealtimeEnvelope | null } | null = null;
  const decodeLive = (payload: string) => {
    if (memo?.payload === payload) return memo.env;
    const space = payload.indexOf(" ");
    const env = space > 0 ? decode(Number(payload.slice(0, space)), payload.slice(space + 1)) : null;
    memo = { payload, env };
    return env;
  };

  /** Everything after `after` on these topics, merged by id, each event once. */
  async function readBacklog(topics: readonly RealtimeTopic[], after: number): Promise<TRealtimeEnvelope[]> {
    const pipe = redis.pipeline();
    for (const t of topics) pipe.xrange(realtimeKey(prefix, t), `(${after}-0`, "+", "COUNT", REALTIME_BACKLOG.maxLen * 2);
    const results = (await pipe.exec()) ?? [];
    const byId = new Map<number, TRealtimeEnvelope>();
    for (const [err, entries] of results) {
      if (err) throw err;
      for (const [id, fields] of entries as Array<[string, string[]]>) {
        const seq = seqOf(id);
        if (byId.has(seq)) continue;
        const env = decode(seq, fields[1] ?? "");
        if (env) byId.set(seq, env);
      }
    }
    return [...byId.entries()].sort(([a], [b]) => a - b).map(([, env]) => env);
  }

  /**
   * Whether events after `after` may be gone from the backlog: Redis forgot the
   * sequence, a topic was trimmed past it, or a topic expired (no event for the
   * retention period) while nothing kept shows that `after` itself is that recent.
   */
  async function needsResync(topics: readonly RealtimeTopic[], after: number): Promise<{ resync: boolean; head: number }> {
    const head = Number((await redis.get(realtimeSeqKey(prefix))) ?? 0);
    if (after > head) return { resync: true, head };
    if (after === head) return { resync: false, head };
    const pipe = redis.pipeline();
    for (const t of topics) {
      pipe.exists(realtimeKey(prefix, t));
      pipe.xinfo("STREAM", realtimeKey(prefix, t));
      // The newest kept event at or before `after`: `after` is at least as recent as it.
      pipe.xrevrange(realtimeKey(prefix, t), `${after}-0`, "-", "COUNT", 1);
    }
    const results = (await pipe.exec()) ?? [];
    let anyMissing = false;
    let newestBefore = 0;
    for (let i = 0; i < topics.length; i++) {
      const [, exists] = results[i * 3] ?? [];
      if (!exists) {
        anyMissing = true;
        continue;
      }
      const info = pairs(results[i * 3 + 1]?.[1]);
      const trimmed = Number(info["entries-added"] ?? 0) > Number(info.length ?? 0);
      const first = seqOf(String(info["recorded-first-entry-id"] ?? "0-0"));
      if (trimmed && first > after + 1) return { resync: true, head };
      const hit = (results[i * 3 + 2]?.[1] as Array<[string, string[]]> | undefined)?.[0];
      const at = hit ? Date.parse(decode(0, hit[1][1] ?? "")?.at ?? "") : NaN;
      if (at > newestBefore) newestBefore = at;
    }
    if (!anyMissing) return { resync: false, head };
    // A topic without a key had no event within the retention, so nothing after `after` was lost there if `after` is that recent.
    return { resync: newestBefore < now().getTime() - REALTIME_BACKLOG.ttlSeconds * 1000, head };
  }

  async function* openEventStream({ topics, lastEventId, requestedAt, signal, onSubscribed }: OpenEventStreamOptions): AsyncGenerator<TRealtimeEnvelope> {
    if (lastEventId != null && !ZRealtimeEventId.safeParse(lastEventId).success) {
      throw new ServiceError("BAD_REQUEST", "lastEventId is not an event id", { lastEventId: ["Must be the id of an event this stream sent (digits)"] });
    }
    const unique = [...new Set(topics)];
    const done = AbortSignal.any([closing.signal, ...(signal ? [signal] : [])]);
    const live: TRealtimeEnvelope[] = [];
    let wake: (() => void) | null = null;
    let gap = false;
    const poke = () => {
      wake?.();
      wake = null;
    };
    const listener = {
      message(payload: string) {
        const env = decodeLive(payload);
        if (!env) return;
        // A consumer that stopped reading must not grow memory without bound: drop the buffer, catch up from the backlog later.
        if (live.length >= MAX_BUFFERED) {
          live.length = 0;
          gap = true;
        } else live.push(env);
        poke();
      },
      gap() {
        gap = true;
        poke();
      },
    };
    open++;
    const onAbort = () => poke();
    done.addEventListener("abort", onAbort);
    const leave: Array<() => void> = [];
    try {
      for (const t of unique) leave.push(await channels.listen(realtimeKey(prefix, t), listener));
      onSubscribed?.();
      let last = 0;
      if (lastEventId != null) {
        last = Number(lastEventId);
        const { resync, head } = await needsResync(unique, last);
        if (resync) {
          // Skip to now: the client refetches everything it shows, so replaying what is left would be wasted.
          last = head;
          yield { id: String(head), at: now().toISOString(), event: { type: "resync" } };
        } else {
          for (const env of await readBacklog(unique, last)) {
            if (done.aborted) return;
            last = Number(env.id);
            yield env;
          }
        }
      } else if (openReplaySeconds > 0) {
        const since = (requestedAt ?? now()).getTime() - openReplaySeconds * 1000;
        const replay = await readOpenReplay(redis, prefix, unique, since);
        if (replay.resync) yield { id: String(replay.newest), at: now().toISOString(), event: { type: "resync" } };
        else {
          for (const env of replay.events) {
            if (done.aborted) return;
            yield env;
          }
        }
        // Everything up to the newest id read is replayed or older than the window: live copies and a later gap's read start after it.
        last = replay.newest;
      }
      while (!done.aborted) {
        if (gap) {
          gap = false;
          for (const env of await readBacklog(unique, last)) {
            last = Math.max(last, Number(env.id));
            yield env;
          }
        }
        while (live.length && !done.aborted) {
          const env = live.shift() as TRealtimeEnvelope;
          const seq = Number(env.id);
          if (seq <= last) continue;
          last = seq;
          yield env;
        }
        if (done.aborted || gap) continue;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      open--;
      done.removeEventListener("abort", onAbort);
      for (const l of leave) l();
    }
  }

  return {
    ...channels,
    openEventStream,
    streams: () => open,
    async close() {
      closing.abort();
      await channels.close();
    },
  };
}

/** XINFO's flat [key, value, ...] reply as an object. */
function pairs(reply: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!Array.isArray(reply)) return out;
  for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = reply[i + 1];
  return out;
}
