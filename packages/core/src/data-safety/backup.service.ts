import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import copyStreams from "pg-copy-streams";
import { migrationStatus } from "@atrium/db";
import { recordAudit } from "../audit/audit.service.js";
import type { ServiceContext } from "../shared/context.js";
import { STAFF_TOPIC } from "../realtime/realtime.schema.js";
import { publishEvent } from "../realtime/realtime.service.js";
import type { Storage } from "../storage/storage.service.js";
import { BACKUP_FORMAT, type TBackupManifest } from "./backup.schema.js";
import { backupDirOf, pruneBackups } from "./backup-catalog.js";
import { ident, tablesInLoadOrder } from "./backup-tables.js";
import { openSnapshot } from "./snapshot.js";

/** Hashes (and counts) what flows through, unchanged. */
export function hashTap(): { tap: Transform; digest: () => string; bytes: () => number } {
  const hash = createHash("sha256");
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { tap, digest: () => hash.digest("hex"), bytes: () => bytes };
}

const idAt = (d: Date) => `atrium-${d.toISOString().replace(/[-:.]/g, "").replace(/(\d{8}T\d{6})(\d{3})Z/, "$1$2Z")}`;

export interface BackupResult {
  id: string;
  dir: string;
  manifest: TBackupManifest;
  pruned: string[];
}

/**
 * A consistent snapshot of the whole database and every stored file, with no
 * dependence on a matching pg_dump: one REPEATABLE READ transaction, `COPY ... TO
 * STDOUT` per table (gzip on disk, SHA-256 and row count of the COPY text in the
 * manifest), then the files, then manifest.json, then an atomic rename into
 * BACKUP_DIR. Optionally mirrored to BACKUP_S3_BUCKET; old generations pruned.
 */
export async function createBackup(ctx: ServiceContext, deps: { storage: Storage; mirror?: Storage | null; actorId?: string | null }): Promise<BackupResult> {
  const started = ctx.now();
  const root = backupDirOf(ctx.config);
  const id = idAt(started);
  const partial = path.join(root, `.partial-${id}`);
  await mkdir(path.join(partial, "tables"), { recursive: true });
  const t0 = performance.now();
  // Staff's backups view refetches at the start, the end and on a failure, instead of polling.
  const announce = () => publishEvent(ctx, [STAFF_TOPIC], { type: "system.backup.changed", backupId: id });
  await announce();
  try {
    const snap = await openSnapshot(ctx.db);
    const tables: TBackupManifest["tables"] = {};
    let schemaVersion: string;
    try {
      schemaVersion = (await migrationStatus(snap.db)).latest ?? "none";
      for (const table of await tablesInLoadOrder(snap.client)) {
        const copy = snap.client.query(copyStreams.to(`COPY ${ident(table)} TO STDOUT`));
        const sum = hashTap();
        await pipeline(copy, sum.tap, createGzip(), createWriteStream(path.join(partial, "tables", `${table}.copy.gz`)));
        tables[table] = { rows: copy.rowCount, sha256: sum.digest(), bytes: sum.bytes() };
      }
    } finally {
      await snap.release();
    }
    // Files after the rows: a file uploaded meanwhile is extra, never a row without its file.
    const files: TBackupManifest["files"] = [];
    for await (const key of deps.storage.list("")) {
      const target = path.join(partial, "files", ...key.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      const sum = hashTap();
      await pipeline(await deps.storage.get(key), sum.tap, createWriteStream(target));
      files.push({ key, sha256: sum.digest(), size: sum.bytes() });
    }
    const manifest: TBackupManifest = { format: BACKUP_FORMAT, formatVersion: 1, id, createdAt: started.toISOString(), schemaVersion, durationMs: Math.round(performance.now() - t0), tables, files };
    await writeFile(path.join(partial, "manifest.json"), JSON.stringify(manifest, null, 2));
    const dir = path.join(root, id);
    await rename(partial, dir);
    if (deps.mirror) await mirrorTo(deps.mirror, dir, id);
    await recordAudit(ctx.db, {
      eventType: "backup.created",
      actor: deps.actorId ? { id: deps.actorId } : null,
      target: { type: "backup", id },
      details: { tables: Object.keys(tables).length, rows: Object.values(tables).reduce((s, t) => s + t.rows, 0), files: files.length, durationMs: manifest.durationMs, mirrored: !!deps.mirror },
    });
    const pruned = await pruneBackups(ctx.config);
    ctx.logger.info({ id, durationMs: manifest.durationMs, tables: Object.keys(tables).length, files: files.length, pruned }, "backup written");
    await announce();
    return { id, dir, manifest, pruned };
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    await announce();
    throw err;
  }
}

/** Copies a finished backup folder into the backup bucket under `<id>/`. */
async function mirrorTo(mirror: Storage, dir: string, id: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    const key = `${id}/${path.relative(dir, full).split(path.sep).join("/")}`;
    const body = new PassThrough();
    createReadStream(full).pipe(body);
    await mirror.put(key, body, { contentType: "application/octet-stream" });
  }
}

export const backupSize = async (dir: string): Promise<number> => {
  let total = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  return total;
};
