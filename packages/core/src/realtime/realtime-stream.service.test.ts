import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, loadConfig } from "@atrium/config";
import { testInfraUrls, testRedisPrefix } from "@atrium/db/testing";
import { ServiceError } from "../shared/errors.js";
import { createRedisRealtimePublisher, OPEN_REPLAY_MAX, realtimeKey, type RealtimePublisher } from "./index.js";
import { accountTopic, userTopic, type RealtimeTopic, type TRealtimeEnvelope, type TRealtimeEvent } from "./realtime.schema.js";
import { createRealtimeHub, type RealtimeHub } from "./realtime-stream.service.js";

const prefix = testRedisPrefix();
const logger = createLogger(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), "realtime-test");
let redis: Redis;
let subscriber: Redis;
let hub: RealtimeHub;
/** The same, with the open replay on (the window api processes use by default). */
let replayHub: RealtimeHub;
let pub: RealtimePublisher;
const REPLAY_SECONDS = 10;

beforeAll(() => {
  const { redisUrl } = testInfraUrls();
  redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  subscriber = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
  // Off here: these tests count what they publish after opening a stream.
  hub = createRealtimeHub({ redis, subscriber, prefix, logger, openReplaySeconds: 0 });
  replayHub = createRealtimeHub({ redis, subscriber: new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: null }), prefix, logger, openReplaySeconds: REPLAY_SECONDS });
  pub = createRedisRealtimePublisher(redis, prefix);
});
afterAll(async () => {
  await hub.close();
  await replayHub.close();
  await redis.quit();
});

const balance = (): TRealtimeEvent => ({ type: "balance.changed", accountId: randomUUID() });
const topics = (): [RealtimeTopic, RealtimeTopic] => [userTopic(randomUUID()), accountTopic(randomUUID())];

/** Reads a stream in the background; `take(n)` waits for n envelopes (bounded, so a missing one fails instead of hanging). */
function reader(opts: Parameters<RealtimeHub["openEventStream"]>[0], target: RealtimeHub = hub) {
  const ac = new AbortController();
  const got: TRealtimeEnvelope[] = [];
  let failed: unknown = null;
  const it = target.openEventStream({ ...opts, signal: ac.signal })[Symbol.asyncIterator]();
  // The first next() runs the generator up to its SUBSCRIBE; `ready` resolves once the hub has confirmed it.
  const listeners = target.stats().listeners;
  const loop = (async () => {
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      got.push(r.value);
    }
  })().catch((e: unknown) => (failed = e));
  // Listening = in the hub's fan-out and the channel subscribed in Redis.
  const ready = async () => {
    await until(() => failed !== null || target.stats().listeners > listeners);
    for (const t of opts.topics) await untilAsync(async () => failed !== null || (await numsub(t)) > 0);
  };
  return {
    got,
    ready,
    failed: () => failed,
    async take(n: number) {
      await until(() => got.length >= n || failed !== null);
      return got.slice(0, n);
    },
    async stop() {
      ac.abort();
      await loop;
    },
  };
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

async function untilAsync(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

const numsub = async (topic: RealtimeTopic) => Number(((await redis.pubsub("NUMSUB", realtimeKey(prefix, topic))) as [string, number])[1]);

describe("the realtime hub", () => {
  it("serves many streams of one topic over one subscription, and drops it after the last stream ends", async () => {
    const [topic] = topics();
    const streams = Array.from({ length: 200 }, () => reader({ topics: [topic] }));
    await Promise.all(streams.map((s) => s.ready()));
    expect(await numsub(topic)).toBe(1);
    const event = balance();
    await pub.publish([topic], event);
    await Promise.all(streams.map((s) => s.take(1)));
    expect(streams.every((s) => s.got.length === 1 && s.got[0]?.event.type === "balance.changed")).toBe(true);
    await Promise.all(streams.map((s) => s.stop()));
    await until(() => hub.stats().channels === 0);
    await expect.poll(() => numsub(topic)).toBe(0);
  });

  it("resumes after lastEventId with the backlog, then live, each event once and in order", async () => {
    const [user, account] = topics();
    for (let i = 0; i < 3; i++) await pub.publish([i % 2 ? user : account], balance());
    const first = reader({ topics: [user, account] });
    await first.ready();
    await pub.publish([user, account], balance());
    const [seen] = await first.take(1);
    await first.stop();
    // Published while no stream was open: only the backlog has them.
    await pub.publish([account], balance());
    await pub.publish([user, account], balance());
    const resumed = reader({ topics: [user, account], lastEventId: seen?.id });
    await resumed.ready();
    await pub.publish([user], balance());
    const got = await resumed.take(3);
    await new Promise((r) => setTimeout(r, 50));
    await resumed.stop();
    expect(resumed.got).toHaveLength(3);
    const ids = got.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[0]).toBeGreaterThan(Number(seen?.id));
  });

  it("sends an event published to two of a stream's topics once", async () => {
    const [user, account] = topics();
    const s = reader({ topics: [user, account] });
    await s.ready();
    await pub.publish([user, account], balance());
    await pub.publish([user], balance());
    await s.take(2);
    await new Promise((r) => setTimeout(r, 50));
    await s.stop();
    expect(new Set(s.got.map((e) => e.id)).size).toBe(2);
    expect(s.got).toHaveLength(2);
  });

  it("starts with one resync when a topic was trimmed past lastEventId", async () => {
    const [user] = topics();
    await pub.publish([user], balance());
    const old = await redis.get(`${prefix}:rt:seq`);
    for (let i = 0; i < 5; i++) await pub.publish([user], balance());
    await redis.xtrim(realtimeKey(prefix, user), "MAXLEN", 2);
    const s = reader({ topics: [user], lastEventId: old });
    await s.ready();
    await pub.publish([user], balance());
    await s.take(2);
    await s.stop();
    expect(s.got.map((e) => e.event.type)).toEqual(["resync", "balance.changed"]);
  });

  it("sends resync when the topics expired since lastEventId, and when the id is ahead of anything published", async () => {
    const [user, account] = topics();
    await pub.publish([user, account], balance());
    const last = (await redis.get(`${prefix}:rt:seq`)) ?? "";
    await pub.publish([account], balance());
    await redis.del(realtimeKey(prefix, user), realtimeKey(prefix, account));
    const expired = reader({ topics: [user, account], lastEventId: last });
    const ahead = reader({ topics: [user], lastEventId: "999999999999" });
    const [a] = await expired.take(1);
    const [b] = await ahead.take(1);
    await Promise.all([expired.stop(), ahead.stop()]);
    expect([a?.event.type, b?.event.type]).toEqual(["resync", "resync"]);
  });

  it("refuses a garbage lastEventId as a field error", async () => {
    const s = reader({ topics: topics(), lastEventId: "1; DROP" });
    await until(() => s.failed() !== null);
    const err = s.failed();
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe("BAD_REQUEST");
  });

  it("catches up from the backlog after the subscriber connection dropped", async () => {
    const [user] = topics();
    const s = reader({ topics: [user] });
    await s.ready();
    await pub.publish([user], balance());
    await s.take(1);
    subscriber.disconnect(true);
    // Nobody is subscribed while it reconnects; this one only reaches the backlog.
    await pub.publish([user], balance());
    await s.take(2);
    await s.stop();
    expect(s.got).toHaveLength(2);
  });
});

describe("a stream opened without lastEventId (the open replay)", () => {
  /** Ends a stream once a last live event has reached it: nothing published before can still be on its way. */
  async function finish(s: ReturnType<typeof reader>, topic: RealtimeTopic) {
    await s.ready();
    const marker: TRealtimeEvent = { type: "notification.read" };
    await pub.publish([topic], marker);
    await until(() => s.got.some((e) => e.event.type === "notification.read") || s.failed() !== null);
    await s.stop();
    return s.got.map((e) => e.event);
  }

  it("delivers what was published between the request's arrival and the subscription, and what is published while it subscribes, once each", async () => {
    const [user, account] = topics();
    const requestedAt = new Date();
    // The page's reads and the stream's slot/topics lookup happen here; the event that lands meanwhile was lost before.
    const early = balance();
    await pub.publish([user, account], early);
    let during: TRealtimeEvent | null = null;
    const s = reader(
      {
        topics: [user, account],
        requestedAt,
        // Subscribed but the backlog not read yet: this one is both live and in the backlog.
        onSubscribed: () => void pub.publish([account], (during = balance())),
      },
      replayHub,
    );
    const events = await finish(s, user);
    expect(events).toEqual([early, during, { type: "notification.read" }]);
    const ids = s.got.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it("replays nothing older than the window, and nothing when it is 0", async () => {
    const [user] = topics();
    const stale = createRedisRealtimePublisher(redis, prefix, () => new Date(Date.now() - (REPLAY_SECONDS + 5) * 1000));
    await stale.publish([user], balance());
    const recent = balance();
    await pub.publish([user], recent);
    expect(await finish(reader({ topics: [user], requestedAt: new Date() }, replayHub), user)).toEqual([recent, { type: "notification.read" }]);
    const off = createRealtimeHub({ redis, subscriber: new Redis(testInfraUrls().redisUrl, { lazyConnect: true, maxRetriesPerRequest: null }), prefix, logger, openReplaySeconds: 0 });
    try {
      expect(await finish(reader({ topics: [user], requestedAt: new Date() }, off), user)).toEqual([{ type: "notification.read" }]);
    } finally {
      await off.close();
    }
  });

  it(`replays up to ${OPEN_REPLAY_MAX} events (one per id over all topics), and past that sends one resync instead`, async () => {
    const [user, account] = topics();
    const requestedAt = new Date();
    for (let i = 0; i < OPEN_REPLAY_MAX; i++) await pub.publish([user, account], balance());
    const full = await finish(reader({ topics: [user, account], requestedAt }, replayHub), user);
    expect(full.filter((e) => e.type === "balance.changed")).toHaveLength(OPEN_REPLAY_MAX);
    await pub.publish([account], balance());
    // The marker above went to `user` too: the window now holds OPEN_REPLAY_MAX + 2 events.
    const over = await finish(reader({ topics: [user, account], requestedAt }, replayHub), user);
    expect(over.map((e) => e.type)).toEqual(["resync", "notification.read"]);
  });

  it("never replays an event of a topic the stream doesn't listen to (another tenant's account, another user)", async () => {
    const [mine, myAccount] = topics();
    const [theirs, theirAccount] = topics();
    const own = balance();
    await pub.publish([theirAccount], balance());
    await pub.publish([theirs], { type: "notification.created", notificationId: randomUUID(), kind: "test" });
    await pub.publish([myAccount, theirAccount], own);
    expect(await finish(reader({ topics: [mine, myAccount], requestedAt: new Date() }, replayHub), mine)).toEqual([own, { type: "notification.read" }]);
  });

  it("after a dropped subscription catches up from what it had when it opened, not from the topics' whole backlog", async () => {
    const [user] = topics();
    const own = new Redis(testInfraUrls().redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
    const dropping = createRealtimeHub({ redis, subscriber: own, prefix, logger, openReplaySeconds: REPLAY_SECONDS });
    try {
      await createRedisRealtimePublisher(redis, prefix, () => new Date(Date.now() - 3600_000)).publish([user], balance());
      const s = reader({ topics: [user], requestedAt: new Date() }, dropping);
      await s.ready();
      // Down while this one is published: only the catch-up after the reconnect can bring it.
      const down = once(own, "end");
      own.disconnect();
      await down;
      const missed = balance();
      await pub.publish([user], missed);
      await own.connect();
      expect(await finish(s, user)).toEqual([missed, { type: "notification.read" }]);
    } finally {
      await dropping.close();
    }
  });
});
