import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import type { Logger } from "@atrium/config";
import { migrateDb, migrationsFolder } from "@atrium/db";
import type { Storage } from "../storage/storage.service.js";
import type { TBackupManifest, TBackupVerification } from "./backup.schema.js";
import { readManifest } from "./backup-catalog.js";
import { hashTap } from "./backup.service.js";
import { ident, tablesInLoadOrder } from "./backup-tables.js";

export class BackupRestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupRestoreError";
  }
}

export interface BackupRestoreResult {
  id: string;
  tables: number;
  rows: number;
  files: number;
  durationMs: number;
}

const tableFile = (dir: string, table: string) => path.join(dir, "tables", `${table}.copy.gz`);
const fileOf = (dir: string, key: string) => path.join(dir, "files", ...key.split("/"));

/** The newest migration this build ships: a backup restores only into the same schema. */
async function shippedSchema(): Promise<string | null> {
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: Array<{ tag: string }> };
  return journal.entries.at(-1)?.tag ?? null;
}

/** SHA-256 and size of a COPY file's text, read back through gunzip. */
async function digestOf(file: string): Promise<{ sha256: string; bytes: number }> {
  const sum = hashTap();
  await pipeline(createReadStream(file), createGunzip(), sum.tap, new Writable({ write: (_c, _e, done) => done() }));
  return { sha256: sum.digest(), bytes: sum.bytes() };
}

async function digestFile(file: string): Promise<string> {
  const sum = hashTap();
  await pipeline(createReadStream(file), sum.tap, new Writable({ write: (_c, _e, done) => done() }));
  return sum.digest();
}

/** Re-reads every table and file of a backup against its manifest (Admin → System → Backups → Verify). */
export async function verifyBackup(dir: string): Promise<TBackupVerification> {
  const manifest = await readManifest(dir);
  if (!manifest) return { id: path.basename(dir), ok: false, problems: ["no readable manifest.json"], checkedTables: 0, checkedFiles: 0 };
  const problems: string[] = [];
  for (const [table, expected] of Object.entries(manifest.tables)) {
    try {
      const got = await digestOf(tableFile(dir, table));
      if (got.sha256 !== expected.sha256) problems.push(`table ${table}: checksum mismatch`);
    } catch (err) {
      problems.push(`table ${table}: ${(err as Error).message}`);
    }
  }
  for (const f of manifest.files) {
    try {
      if ((await digestFile(fileOf(dir, f.key))) !== f.sha256) problems.push(`file ${f.key}: checksum mismatch`);
    } catch (err) {
      problems.push(`file ${f.key}: ${(err as Error).message}`);
    }
  }
  return { id: manifest.id, ok: problems.length === 0, problems: problems.slice(0, 50), checkedTables: Object.keys(manifest.tables).length, checkedFiles: manifest.files.length };
}

async function nonEmptyTables(client: pg.Client): Promise<string[]> {
  const out: string[] = [];
  for (const table of await tablesInLoadOrder(client)) {
    const { rows } = await client.query<{ any: boolean }>(`select exists (select 1 from ${ident(table)}) as any`);
    if (rows[0]?.any) out.push(table);
  }
  return out;
}

/**
 * Restores a full backup into the database at `databaseUrl`: refuses one that
 * holds data unless `force`, migrates it to this build's schema (which must be
 * the backup's), then in ONE transaction empties it, COPYs every table in (parents
 * first), checks each table's COPY text against the manifest's checksum as it
 * streams, and re-reads every table (row count and checksum) before committing.
 * Then puts the stored files back, each checked against its checksum.
 */
export async function restoreBackup(opts: { databaseUrl: string; dir: string; storage: Storage | null; force?: boolean; logger: Logger }): Promise<BackupRestoreResult> {
  const t0 = performance.now();
  const manifest = await readManifest(opts.dir);
  if (!manifest) throw new BackupRestoreError(`${opts.dir} is not a finished backup (no valid manifest.json)`);
  const shipped = await shippedSchema();
  if (manifest.schemaVersion !== shipped) {
    throw new BackupRestoreError(`the backup's schema is ${manifest.schemaVersion} but this build's is ${shipped}: restore with the Atrium version that wrote it, then upgrade`);
  }
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    const occupied = await nonEmptyTables(client);
    if (occupied.length && !opts.force) throw new BackupRestoreError(`the target database is not empty (${occupied.slice(0, 5).join(", ")}${occupied.length > 5 ? ", ..." : ""}); pass --force to replace its data`);
    await migrateDb(opts.databaseUrl);
    const tables = await tablesInLoadOrder(client);
    const missing = Object.keys(manifest.tables).filter((t) => !tables.includes(t));
    if (missing.length) throw new BackupRestoreError(`the backup has tables this schema lacks: ${missing.join(", ")}`);
    await client.query("begin");
    try {
      await client.query(`truncate ${tables.map(ident).join(", ")} restart identity cascade`);
      for (const table of tables) {
        const expected = manifest.tables[table];
        if (!expected) continue;
        const sum = hashTap();
        await pipeline(createReadStream(tableFile(opts.dir, table)), createGunzip(), sum.tap, client.query(copyStreams.from(`COPY ${ident(table)} FROM STDIN`)));
        if (sum.digest() !== expected.sha256) throw new BackupRestoreError(`table ${table}: the backup file does not match its checksum`);
      }
      await resetSequences(client);
      await checkAgainstManifest(client, manifest);
      await client.query("commit");
    } catch (err) {
      await client.query("rollback").catch(() => {});
      throw err;
    }
  } finally {
    await client.end();
  }
  let files = 0;
  if (opts.storage) {
    for (const f of manifest.files) {
      if ((await digestFile(fileOf(opts.dir, f.key))) !== f.sha256) throw new BackupRestoreError(`file ${f.key}: does not match its checksum`);
      await opts.storage.put(f.key, createReadStream(fileOf(opts.dir, f.key)), { contentType: "application/octet-stream" });
      files += 1;
    }
  }
  const result = { id: manifest.id, tables: Object.keys(manifest.tables).length, rows: Object.values(manifest.tables).reduce((s, t) => s + t.rows, 0), files, durationMs: Math.round(performance.now() - t0) };
  opts.logger.info(result, "backup restored and verified");
  return result;
}

/** Row counts and COPY checksums of the restored tables, read back inside the restoring transaction. */
export async function checkAgainstManifest(client: pg.ClientBase, manifest: TBackupManifest): Promise<void> {
  const problems: string[] = [];
  for (const [table, expected] of Object.entries(manifest.tables)) {
    const copy = client.query(copyStreams.to(`COPY ${ident(table)} TO STDOUT`));
    const sum = hashTap();
    await pipeline(copy, sum.tap, new Writable({ write: (_c, _e, done) => done() }));
    if (copy.rowCount !== expected.rows) problems.push(`${table}: ${copy.rowCount} rows, the manifest says ${expected.rows}`);
    else if (sum.digest() !== expected.sha256) problems.push(`${table}: checksum differs from the manifest`);
  }
  if (problems.length) throw new BackupRestoreError(`restored data does not match the manifest: ${problems.join("; ")}`);
}

/** Serial columns continue after the restored rows (uuid keys need nothing). */
async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(
    `select s.relname as seq, t.relname as tbl, a.attname as col from pg_class s
       join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i') join pg_class t on t.oid = d.refobjid
       join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid join pg_namespace n on n.oid = s.relnamespace
     where s.relkind = 'S' and n.nspname = 'public'`,
  );
  for (const r of rows) await client.query(`select setval('public.${ident(r.seq)}', coalesce((select max(${ident(r.col)}) from ${ident(r.tbl)}), 0) + 1, false)`);
}
