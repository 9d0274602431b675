import { getTableColumns, type SQL, type Table } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { DbOrTx } from "@atrium/db";

// Transactions of the worker's group commit in fewer round trips. node-postgres sends one statement
// per round trip and waits for its answer; BEGIN and COMMIT are round trips of their own. On a busy
// machine each costs milliseconds (a context switch to the Postgres backend and back), and the group
// commit flushes one batch of a kind at a time, so the round trips of a flush are the pipeline's pace.

/** drizzle's Postgres dialect, quoting inlined strings as node-postgres does (E'' when there is a backslash: right whatever standard_conforming_strings says). */
class InliningDialect extends PgDialect {
  override escapeString(str: string): string {
    return pg.escapeLiteral(str);
  }
}
const dialect = new InliningDialect({ casing: "snake_case" });

/**
 * The statement's text with every parameter written in as a literal (strings quoted by
 * pg.escapeLiteral, numbers as they are), for a message of several statements: Postgres'
 * simple query protocol takes no parameters. Values come from requests (a job's input, a
 * user agent for its audit row): the quoting is what keeps them values.
 */
export function inlined(query: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(query.inlineParams());
  if (params.length) throw new Error("a parameter was left out of an inlined statement");
  return text;
}

/** A raw `select *` row of `table` (snake_case columns, as the schema's casing names them; driver values) as drizzle would map it. */
export function rowFromRaw(table: Table, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, col] of Object.entries(getTableColumns(table))) {
    const v = raw[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
    out[key] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return out;
}

/** The pool behind a database handle; none for a transaction (its owner holds the connection). */
export function poolOf(db: DbOrTx): pg.Pool | undefined {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : undefined;
}

export type Rows = Array<Record<string, unknown>>;
/** Dates, times and intervals (and their arrays) as the text Postgres sent, as drizzle's own driver session reads them (its mapFromDriverValue expects that). */
const RAW_TYPES = new Set<number>([pg.types.builtins.TIMESTAMPTZ, pg.types.builtins.TIMESTAMP, pg.types.builtins.DATE, pg.types.builtins.INTERVAL, 1231, 1115, 1185, 1187, 1182]);
const types = { getTypeParser: (oid: number, format?: string) => (RAW_TYPES.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format as "text")) } as pg.CustomTypesConfig;
const rowsOf = (result: pg.QueryResult | pg.QueryResult[]): Rows[] => (Array.isArray(result) ? result : [result]).map((r) => r.rows as Rows);

/** Sends statements of the open transaction as one message; their rows, in order. */
export type Send = (statements: SQL[]) => Promise<Rows[]>;

/**
 * One transaction whose statements go in as few round trips as `work` needs: BEGIN rides
 * with its first message and COMMIT with `last`, the statements it returns (each statement
 * still runs with its own snapshot, as statements of a transaction do). Any error (a
 * statement's, or `work`'s own) rolls it all back; a connection that can't even roll back
 * is thrown away, not returned to the pool.
 */
export async function transactionInTrips<T>(pool: pg.Pool, work: (send: Send) => Promise<{ last: SQL[]; result: (rows: Rows[]) => T }>): Promise<T> {
  const client = await pool.connect();
  let begun = false;
  let broken: Error | undefined;
  const send: Send = async (statements) => {
    const text = [...(begun ? [] : ["begin"]), ...statements.map(inlined)].join(";\n");
    const rows = rowsOf(await client.query({ text, types }));
    const opened = !begun;
    begun = true;
    return opened ? rows.slice(1) : rows;
  };
  try {
    const { last, result } = await work(send);
    const text = [...(begun ? [] : ["begin"]), ...last.map(inlined), "commit"].join(";\n");
    const rows = rowsOf(await client.query({ text, types })).slice(begun ? 0 : 1, -1);
    return result(rows);
  } catch (err) {
    await client.query("rollback").catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
    throw err;
  } finally {
    client.release(broken);
  }
}
