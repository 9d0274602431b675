// Every row a tenant owns, as text: taken before and after the walks, the two must be equal.
import { sql } from "drizzle-orm";
import type { TestApi } from "../../testing.js";

/**
 * Rows of every table with an account_id column for this account, plus its
 * members' user rows, in a stable order. Read from the catalogue, so a new
 * tenant table is included the day it is migrated.
 */
export async function snapshotTenant(api: TestApi, accountId: string): Promise<string[]> {
  const db = api.svc.db;
  const tables = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'account_id' order by table_name`,
  );
  const out: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await db.execute<{ j: string }>(sql`select row_to_json(t)::text as j from ${sql.identifier(table_name)} t where t.account_id = ${accountId} order by 1`);
    out.push(...rows.rows.map((r) => `${table_name}: ${r.j}`));
  }
  const users = await db.execute<{ j: string }>(
    sql`select row_to_json(u)::text as j from users u where u.id in (select user_id from account_members where account_id = ${accountId}) order by 1`,
  );
  out.push(...users.rows.map((r) => `users: ${r.j}`));
  return out;
}
