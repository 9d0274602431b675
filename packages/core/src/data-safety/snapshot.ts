import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { schema, type Db, type DbOrTx } from "@atrium/db";

export interface Snapshot {
  /** The connection holding the snapshot (for COPY). */
  client: pg.PoolClient;
  /** Drizzle over the same connection: every query sees the same instant. */
  db: Db;
  /** Ends the read-only transaction and returns the connection. */
  release: () => Promise<void>;
}

/** The pool behind a drizzle handle (node-postgres keeps it as $client). */
export function poolOf(db: DbOrTx): pg.Pool {
  const client = (db as { $client?: pg.Pool }).$client;
  if (!client || typeof client.connect !== "function") throw new Error("A snapshot needs a pooled database handle, not a transaction");
  return client;
}

/**
 * One REPEATABLE READ, READ ONLY transaction on a connection of its own: an
 * export or backup that streams for minutes still sees one consistent state
 * (a ledger that sums to its balance), without blocking writers.
 */
export async function openSnapshot(db: DbOrTx): Promise<Snapshot> {
  const client = await poolOf(db).connect();
  try {
    await client.query("begin isolation level repeatable read read only");
    // The snapshot is taken by the first statement, not by BEGIN.
    await client.query("select 1");
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  let released = false;
  return {
    client,
    db: drizzle({ client, schema, casing: "snake_case" }) as unknown as Db,
    release: async () => {
      if (released) return;
      released = true;
      try {
        await client.query("rollback");
        client.release();
      } catch (err) {
        client.release(err as Error);
      }
    },
  };
}
