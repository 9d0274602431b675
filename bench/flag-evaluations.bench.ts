import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { createLogger } from "@atrium/config";
import { evaluateTargeting, seedBuiltInFlags, startFlagRuntime, ZFlagTargeting } from "@atrium/core";
import { createDb, migrateDb, schema } from "@atrium/db";
import { startEmbeddedPostgres, startRedisServer } from "@atrium/db/embedded";

// Feature-flag evaluation as services do it (OpenFeature client → Atrium's provider → the
// in-memory store), against the same evaluation reading the flag's row from Postgres each
// time: what evaluating without the cache would cost. Prints evaluations/s and the table reads
// each way; never asserts.
const { values: args } = parseArgs({ options: { evaluations: { type: "string", default: "50000" } } });
const N = Number(args.evaluations);

const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-bench-flags-"));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true });
const redisServer = await startRedisServer();
try {
  await postgres.createDatabase("atrium_bench");
  const url = postgres.urlFor("atrium_bench");
  await migrateDb(url);
  const { db, close } = createDb(url);
  await seedBuiltInFlags({ db });
  const accounts = Array.from({ length: 1000 }, () => randomUUID());
  // A realistic flag: ten account rules, then a 30 % rollout.
  await db
    .update(schema.featureFlags)
    .set({ targeting: { default: true, rules: accounts.slice(0, 10).map((accountId) => ({ match: { accountId }, value: false })), rollout: { percentage: 30, value: false } } })
    .where(eq(schema.featureFlags.key, "ai-analysis"));
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  const logger = createLogger({ NODE_ENV: "test", LOG_LEVEL: "silent" }, "bench");
  const flags = await startFlagRuntime({ db, redis, prefix: "bench", environment: "production", logger });

  const subject = (i: number) => ({ accountId: accounts[i % accounts.length], userId: accounts[(i * 7) % accounts.length], roles: ["member"] });
  const loadsBefore = flags.store.loads;
  for (let i = 0; i < 2000; i++) await flags.isEnabled("ai-analysis", subject(i));
  let on = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) if (await flags.isEnabled("ai-analysis", subject(i))) on++;
  const cachedMs = performance.now() - t0;
  const tableReads = flags.store.loads - loadsBefore;

  // Baseline: the row read per evaluation, then the same targeting code.
  const M = Math.min(N, 5000);
  const t1 = performance.now();
  for (let i = 0; i < M; i++) {
    const [row] = await db.select().from(schema.featureFlags).where(eq(schema.featureFlags.key, "ai-analysis"));
    evaluateTargeting("ai-analysis", ZFlagTargeting.parse(row?.targeting), subject(i));
  }
  const dbMs = performance.now() - t1;

  const perSec = (n: number, ms: number) => Math.round((n / ms) * 1000);
  console.log(`flag evaluations (OpenFeature + in-memory store): ${perSec(N, cachedMs).toLocaleString("en")} /s over ${N} evaluations, ${tableReads} table reads, ${((on / N) * 100).toFixed(1)} % on`);
  console.log(`same evaluation reading the row each time:        ${perSec(M, dbMs).toLocaleString("en")} /s over ${M} evaluations, ${M} table reads`);
  console.log(`ratio: ${(perSec(N, cachedMs) / perSec(M, dbMs)).toFixed(1)}x`);
  await flags.close();
  redis.disconnect();
  await close();
} finally {
  await redisServer.stop();
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
