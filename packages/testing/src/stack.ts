// A fresh, bootstrapped database on the run's test Postgres, and the environment the
// separate processes share (the same variables an operator would put in .env).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createLogger, loadConfig } from "@atrium/config";
import { bootstrap } from "@atrium/core";
import { createTestDatabase, testInfraUrls, testRedisPrefix, type TestDatabase } from "@atrium/db/testing";

export interface TestStack {
  db: TestDatabase;
  /** Variables every process of this stack gets. */
  env: Record<string, string>;
}

export async function createTestStack(env: Record<string, string> = {}): Promise<TestStack> {
  const { pgAdminUrl, redisUrl } = testInfraUrls();
  const db = await createTestDatabase(pgAdminUrl);
  const shared = {
    // An unset NODE_ENV is production; "dev" processes run as under the test runner (compiled ones force production).
    NODE_ENV: "test",
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: testRedisPrefix(),
    LOG_LEVEL: "info",
    SESSION_SECRET: randomBytes(24).toString("hex"),
    // Tests queue `noop` jobs; real deployments keep them off (ALLOW_NOOP_JOBS defaults to false).
    ALLOW_NOOP_JOBS: "true",
    ...env,
  };
  const config = loadConfig({ ...shared, LOG_LEVEL: "silent" });
  await bootstrap({ db: db.db, config, logger: createLogger(config, "bootstrap"), now: () => new Date() });
  return { db, env: shared };
}

/** An empty database (no migrations): what a first deploy finds. */
export async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { pgAdminUrl } = testInfraUrls();
  const name = `empty_${randomBytes(5).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: pgAdminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}
