import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrationsFolder, type Db } from "./client.js";

export interface MigrationStatus {
  /** Tag of the newest applied migration (e.g. `0003_documents_jobs`), null on an empty database. */
  latest: string | null;
  appliedAt: Date | null;
  /** Migrations this build ships that the database hasn't applied. */
  pending: number;
}

interface JournalEntry {
  tag: string;
  when: number;
}

/**
 * What the database has applied, in the names the repository uses: drizzle's
 * own table stores hashes and the `when` of each journal entry, so the tag
 * comes from the journal shipped with this build.
 */
export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  const rows = await db.execute<{ created_at: string }>(sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
  const last = rows.rows[0] ? Number(rows.rows[0].created_at) : null;
  const latest = last === null ? undefined : journal.entries.filter((e) => e.when <= last).at(-1);
  return {
    latest: latest?.tag ?? null,
    appliedAt: last === null ? null : new Date(last),
    pending: journal.entries.filter((e) => last === null || e.when > last).length,
  };
}
