import { sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { fileURLToPath } from "node:url";
import * as schema from "./schema/index.js";

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; repositories accept either, so callers choose the unit of work. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  pool: pg.Pool;
  close: () => Promise<void>;
}

export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on("error", () => {});
  const db = drizzle({ client: pool, schema, casing: "snake_case" });
  return { db, pool, close: () => pool.end() };
}

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/** Any fixed number: every Atrium process that migrates takes this same Postgres advisory lock. */
export const MIGRATION_LOCK_KEY = 7_245_001;

/**
 * Applies the committed migrations, then `then` (e.g. bootstrap), while holding a session-level
 * advisory lock: replicas starting at once queue up instead of racing on the same DDL, and each
 * later one finds nothing left to do.
 */
export async function migrateDb(url: string, then?: (db: Db) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const db = drizzle({ client, schema, casing: "snake_case" });
    await migrate(db, { migrationsFolder });
    if (then) await then(db);
  } finally {
    // Ending the session releases the lock even when a migration failed.
    await client.end();
  }
}

export async function pingDb(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
