import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createDb, migrateDb, type DbHandle } from "./client.js";
import { startEmbeddedPostgres, startRedisServer } from "./embedded/index.js";

export const TEMPLATE_DB = "atrium_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    redisUrl: string;
  }
}

/** The run's shared servers, as provided by the global setup (test/global-setup.ts). */
export function testInfraUrls(): { pgAdminUrl: string; redisUrl: string } {
  return { pgAdminUrl: inject("pgAdminUrl"), redisUrl: inject("redisUrl") };
}

export interface TestInfra {
  /** URL of the maintenance database on the test cluster. */
  pgAdminUrl: string;
  redisUrl: string;
  stop: () => Promise<void>;
}

/**
 * One Postgres cluster and one redis-server for a whole test run; migrations
 * are applied once to a template database that every test file copies.
 */
export async function startTestInfra(): Promise<TestInfra> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-test-"));
  const [postgres, redis] = await Promise.all([
    startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true }),
    startRedisServer(),
  ]);
  await postgres.createDatabase(TEMPLATE_DB);
  await migrateDb(postgres.urlFor(TEMPLATE_DB));
  return {
    pgAdminUrl: postgres.url,
    redisUrl: redis.url,
    stop: async () => {
      await Promise.allSettled([postgres.stop(), redis.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestDatabase extends DbHandle {
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  drop: () => Promise<void>;
}

/**
 * A fresh, migrated database copied from the template: one per test file. `empty: true` gives
 * an unmigrated one instead, what a first deploy or an upgrade test starts from.
 */
export async function createTestDatabase(pgAdminUrl: string, options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  try {
    await admin.query(options.empty ? `create database "${name}"` : `create database "${name}" template "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  const handle = createDb(url.toString());
  return {
    ...handle,
    url: url.toString(),
    name,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: pgAdminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A key prefix so test files sharing one redis-server never see each other's keys. */
export function testRedisPrefix(): string {
  return `t${randomBytes(4).toString("hex")}`;
}

/** A statement as node-postgres was handed it: its text, and for a prepared one its name and values. */
export interface RecordedQuery {
  text: string;
  name?: string;
  values?: unknown[];
}

/**
 * The statements this process sends to Postgres while `fn` runs, in order (for tests of round trips:
 * "one statement", "BEGIN and COMMIT in one message"). Every client of every pool is seen.
 */
export async function recordQueries(fn: () => Promise<unknown>): Promise<RecordedQuery[]> {
  const seen: RecordedQuery[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: unknown; name?: string; values?: unknown[] } | undefined;
    if (typeof first === "string") seen.push({ text: first, ...(Array.isArray(args[1]) ? { values: args[1] as unknown[] } : {}) });
    else if (first) seen.push({ text: String(first.text ?? ""), ...(first.name ? { name: first.name } : {}), ...(first.values ? { values: first.values } : {}) });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = query;
  }
  return seen;
}
