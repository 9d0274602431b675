import type pg from "pg";

type Queryable = Pick<pg.ClientBase, "query">;

/**
 * The application's tables (schema `public`), parents before children, so a
 * restore can COPY them in with every foreign key checked as it goes. Drizzle's
 * own bookkeeping (schema `drizzle`) is not data: a restore migrates first.
 */
export async function tablesInLoadOrder(db: Queryable): Promise<string[]> {
  const tables = (await db.query<{ name: string }>(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`)).rows.map((r) => r.name);
  const edges = (
    await db.query<{ child: string; parent: string }>(
      `select ch.relname as child, pa.relname as parent from pg_constraint k
         join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
         join pg_namespace n on n.oid = ch.relnamespace
       where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`,
    )
  ).rows;
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const e of edges) if (e.child === name) visit(e.parent, path);
    placed.add(name);
    ordered.push(name);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/** A table name as an SQL identifier (ours are plain snake_case, but quoted all the same). */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
