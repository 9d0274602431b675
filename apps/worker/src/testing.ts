import { Redis } from "ioredis";
import { createLogger, loadConfig, type Env } from "@atrium/config";
import { createTestDatabase, testInfraUrls, testRedisPrefix, type TestDatabase } from "@atrium/db/testing";
import { startWorker, type RunningWorker, type WorkerDeps } from "./index.js";

export interface TestWorkerEnv {
  config: Env;
  db: TestDatabase;
  redisUrl: string;
  /** A plain client for assertions, not the worker's own connection. */
  redis: Redis;
  deps: WorkerDeps;
  /** Starts a worker in-process; `overrides` replace deps, e.g. a capturing email transport. */
  start: (overrides?: Partial<WorkerDeps>) => Promise<RunningWorker>;
  /** Stops every worker started here, then drops the database and the test's keys. */
  close: () => Promise<void>;
}

/** A fresh database and a unique Redis prefix; workers started in-process on demand. */
export async function createTestWorkerEnv(overrides: Partial<Record<keyof Env, string>> = {}): Promise<TestWorkerEnv> {
  const { pgAdminUrl, redisUrl } = testInfraUrls();
  const db = await createTestDatabase(pgAdminUrl);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: db.url, REDIS_URL: redisUrl, REDIS_PREFIX: testRedisPrefix(), ALLOW_NOOP_JOBS: "true", ...overrides });
  const deps: WorkerDeps = { config, db: db.db, redisUrl, logger: createLogger(config, "worker-test"), now: () => new Date() };
  const redis = new Redis(redisUrl);
  const started: RunningWorker[] = [];
  return {
    config,
    db,
    redisUrl,
    redis,
    deps,
    start: async (overrides = {}) => {
      const w = await startWorker({ ...deps, ...overrides });
      started.push(w);
      return w;
    },
    close: async () => {
      await Promise.all(started.map((w) => w.stop()));
      const keys = await redis.keys(`${config.REDIS_PREFIX}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await db.drop();
    },
  };
}

/** Polls until `check` returns a truthy value, or fails after `timeoutMs`; a `what` function is read then (say, a process's output so far). */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  { timeoutMs = 10_000, intervalMs = 50, what = "condition" }: { timeoutMs?: number; intervalMs?: number; what?: string | (() => string) } = {},
): Promise<Exclude<T, false | null | undefined | 0 | "">> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | null | undefined | 0 | "">;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === "function" ? what() : what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
