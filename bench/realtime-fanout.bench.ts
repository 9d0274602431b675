import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { accountTopic, createRedisRealtimePublisher, sessionService, type ServiceContext } from "@atrium/core";
import { insertUser } from "@atrium/core/testing";
import { createDb, schema } from "@atrium/db";
import { createLogger } from "@atrium/config";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "@atrium/db/embedded";
import { apiSpec, readSseData, ROOT, startService, stopAllServices, waitForApi } from "@atrium/testing";
import { startBenchStack } from "./stack.js";

// Fan-out of live events: SUBSCRIBERS SSE streams (GET /api/events/, plain HTTP) held by
// USERS members of one account, split over two api processes (the compiled build when there is
// one, else the sources; each with its own realtime hub and Redis subscriber). EVENTS
// balance.changed events are published to the account's topic at RATE/s through the publisher
// api and worker use; each reaches every stream.
// Prints latency (publish → receipt) p50/p99 and deliveries/s. Never asserts.
const { values: args } = parseArgs({ options: { subscribers: { type: "string", default: "1000" }, events: { type: "string", default: "50" }, rate: { type: "string", default: "10" } } });
const SUBSCRIBERS = Number(args.subscribers);
const EVENTS = Number(args.events);
const RATE = Number(args.rate);
const PER_USER = 10;

const stack = await startBenchStack();
const stopOnSignal = () => void stopAllServices().then(() => stack.stop()).finally(() => process.exit(130));
process.once("SIGINT", stopOnSignal).once("SIGTERM", stopOnSignal);
const streams: AbortController[] = [];
try {
  const { config } = stack;
  const env: Record<string, string> = {
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    REDIS_PREFIX: config.REDIS_PREFIX,
    SESSION_SECRET: config.SESSION_SECRET,
    BOOTSTRAP_ADMIN_PASSWORD: stack.adminPassword,
    RATE_LIMIT_AUTH_PER_HOUR: String(1e9),
  };
  const mode = existsSync(path.join(ROOT, "apps/api/dist/main.js")) ? "prod" : "dev";
  const apis = await Promise.all(
    [1, 2].map(async (n) => {
      const port = await freePort();
      await waitForApi(startService(apiSpec(mode, { ...env, API_PORT: String(port) }, `api-${n}`)), port);
      return `http://127.0.0.1:${port}`;
    }),
  );
  const db = createDb(stack.databaseUrl);
  const redis = new Redis(stack.redisUrl, { maxRetriesPerRequest: 1 });
  const svc: ServiceContext = { db: db.db, config: stack.config, logger: createLogger(stack.config, "bench"), now: () => new Date() };
  const [account] = await db.db.insert(schema.accounts).values({ name: "Fan-out", slug: `fanout-${Date.now()}` }).returning();
  if (!account) throw new Error("no account");
  const tokens: string[] = [];
  for (let i = 0; i < Math.ceil(SUBSCRIBERS / PER_USER); i++) {
    const user = await insertUser(db.db, { username: `fan${i}`, email: `fan${i}@example.test`, passwordHash: "x", accountId: account.id });
    await db.db.insert(schema.accountMembers).values({ accountId: account.id, userId: user.id, role: "viewer" });
    tokens.push((await sessionService.createSession(svc, user.id, { rememberMe: false })).token);
  }

  const latencies: number[] = [];
  let delivered = 0;
  const opened = await Promise.all(
    Array.from({ length: SUBSCRIBERS }, async (_, i) => {
      const ac = new AbortController();
      streams.push(ac);
      const res = await fetch(`${apis[i % 2]}/api/events/`, { headers: { authorization: `Bearer ${tokens[Math.floor(i / PER_USER)]}` }, signal: ac.signal });
      if (res.status !== 200) throw new Error(`stream ${i}: ${res.status} ${await res.text()}`);
      void readSseData(res.body as ReadableStream<Uint8Array>, (data) => {
        latencies.push(Date.now() - Date.parse((JSON.parse(data) as { at: string }).at));
        delivered++;
      });
      return true;
    }),
  );
  console.log(`${opened.length} streams open (${tokens.length} users × ${PER_USER}) over 2 apis; Redis clients: ${String(await redis.client("LIST")).trim().split("\n").length}`);

  const publisher = createRedisRealtimePublisher(redis, stack.config.REDIS_PREFIX);
  const started = Date.now();
  for (let i = 0; i < EVENTS; i++) {
    await publisher.publish([accountTopic(account.id)], { type: "balance.changed", accountId: account.id });
    await new Promise((r) => setTimeout(r, 1000 / RATE));
  }
  const expected = EVENTS * SUBSCRIBERS;
  const deadline = Date.now() + 30_000;
  while (delivered < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? NaN;
  console.log(`published ${EVENTS} events at ${RATE}/s to ${SUBSCRIBERS} subscribers: ${delivered}/${expected} delivered in ${seconds.toFixed(1)} s`);
  console.log(`fan-out latency publish → receipt: p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)} ms`);
  console.log(`deliveries/s sustained: ${Math.round(delivered / seconds)}`);
  redis.disconnect();
  await db.close();
} finally {
  for (const s of streams) s.abort();
  await stopAllServices();
  await stack.stop();
}
