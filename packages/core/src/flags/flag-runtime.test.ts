import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, loadConfig } from "@atrium/config";
import { createTestDatabase, testInfraUrls, testRedisPrefix, type TestDatabase } from "@atrium/db/testing";
import type { ServiceContext } from "../shared/context.js";
import { createFlag, seedBuiltInFlags, updateFlag } from "./flag.service.js";
import { startFlagRuntime, type FlagRuntime } from "./flag-runtime.js";

let db: TestDatabase;
let redis: Redis;
let a: FlagRuntime;
let b: FlagRuntime;
let ctx: ServiceContext;
const staff = { userId: randomUUID(), username: "ops", isStaff: true };

beforeAll(async () => {
  const infra = testInfraUrls();
  db = await createTestDatabase(infra.pgAdminUrl);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: db.url, REDIS_URL: infra.redisUrl, REDIS_PREFIX: testRedisPrefix() });
  const logger = createLogger(config, "flags-test");
  redis = new Redis(infra.redisUrl, { maxRetriesPerRequest: 1 });
  await seedBuiltInFlags({ db: db.db });
  // Two runtimes on one Postgres and one Redis prefix: what two processes hold.
  const opts = { db: db.db, redis, prefix: config.REDIS_PREFIX, environment: "test", logger };
  a = await startFlagRuntime(opts);
  b = await startFlagRuntime(opts);
  ctx = { db: db.db, config, logger, now: () => new Date(), flags: a };
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  redis?.disconnect();
  await db?.drop();
});

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return check();
}

describe("the flag runtime", () => {
  it("starts with the seeded flags on, evaluated through OpenFeature without reading the table again", async () => {
    const loads = a.store.loads;
    const subject = { accountId: randomUUID(), userId: randomUUID() };
    for (let i = 0; i < 100; i++) expect(await a.isEnabled("ai-analysis", subject)).toBe(true);
    expect(await a.evaluateAll(subject)).toEqual({ "ai-analysis": true, "document-processing": true, messaging: true, recruiting: true });
    expect(a.store.loads).toBe(loads);
    expect((await a.client.getBooleanDetails("nope", true, {})).errorCode).toBe("FLAG_NOT_FOUND");
    expect((await a.client.getStringDetails("messaging", "x", {})).errorCode).toBe("TYPE_MISMATCH");
  });

  it("a change through one runtime is seen by the other within a second", async () => {
    const account = randomUUID();
    await updateFlag(ctx, staff, { key: "messaging", targeting: { default: true, rules: [{ match: { accountId: account }, value: false }] } });
    // The writer sees it at once; the other once the pub/sub message arrives.
    expect(await a.isEnabled("messaging", { accountId: account })).toBe(false);
    expect(await until(async () => !(await b.isEnabled("messaging", { accountId: account })), 1000)).toBe(true);
    await createFlag(ctx, staff, { key: "limits", description: "", type: "number", targeting: { default: 5, rules: [] }, environments: { test: { default: 7, rules: [] } } });
    expect(await until(async () => (await b.value("limits", {})) === 7, 1000)).toBe(true);
  });

  it("keeps a built-in flag on in a database that never ran bootstrap; an unknown key is off", async () => {
    const bare = await createTestDatabase(testInfraUrls().pgAdminUrl);
    const runtime = await startFlagRuntime({ db: bare.db, redis, prefix: ctx.config.REDIS_PREFIX, environment: "test", logger: ctx.logger });
    try {
      const subject = { accountId: randomUUID() };
      expect(await runtime.isEnabled("document-processing", subject)).toBe(true);
      expect(await runtime.isEnabled("ai-analysis", subject)).toBe(true);
      expect(await runtime.isEnabled("no-such-flag", subject)).toBe(false);
    } finally {
      await runtime.close();
      await bare.drop();
    }
  });
});
