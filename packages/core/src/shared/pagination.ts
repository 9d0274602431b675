import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { ServiceError } from "./errors.js";
import { CURSOR_INVALID } from "./pagination.schema.js";

/**
 * Keyset paging on (created_at desc, id desc). The cursor is the id of the last
 * row seen; comparing against that row's own timestamp inside Postgres keeps
 * microsecond precision that a JavaScript Date would lose (and skip rows with).
 */
export function after(table: PgTable, cols: { createdAt: AnyPgColumn; id: AnyPgColumn }, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${cols.createdAt}, ${cols.id}) < (select c.created_at, c.id from ${table} c where c.id = ${cursor})`;
}

/** Callers fetch limit + 1 rows; the extra one only says whether there is a next page. */
export function toPage<R extends { id: string }, T>(rows: R[], limit: number, map: (r: R) => T): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(map), nextCursor: rows.length > limit && last ? last.id : null };
}

/** A cursor that names nothing this list handed out (forged, garbled, another list's): a 400 on the field. */
export const badCursor = () => new ServiceError("BAD_REQUEST", CURSOR_INVALID, { cursor: [CURSOR_INVALID] });
