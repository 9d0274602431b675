import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { text } from "node:stream/consumers";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, loadConfig } from "@atrium/config";
import { schema } from "@atrium/db";
import { createTestDatabase, testInfraUrls, type TestDatabase } from "@atrium/db/testing";
import { bootstrap } from "../bootstrap/bootstrap.service.js";
import { applyLedgerEntry } from "../billing/ledger.service.js";
import { newAccount } from "../billing/billing.test-helpers.js";
import type { ServiceContext } from "../shared/context.js";
import { localFileStorage } from "../storage/local-storage.service.js";
import { documentKey } from "../storage/storage.service.js";
import { backupsToKeep, listManifests } from "./backup-catalog.js";
import { restoreBackup, verifyBackup } from "./backup-restore.service.js";
import { createBackup, type BackupResult } from "./backup.service.js";
import { tablesInLoadOrder } from "./backup-tables.js";
import { backupHealthCheck } from "../system/health.service.js";

let source: TestDatabase;
let dir: string;
let ctx: ServiceContext;
let backup: BackupResult;
const storageAt = (name: string) => localFileStorage({ root: path.join(dir, name), secret: "drill-secret-drill-secret-drill-secret" });
const files = new Map<string, Buffer>();

/** Every table's row count and the SHA-256 of its COPY text: what "equal databases" means here. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; sha256: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const table of await tablesInLoadOrder(client)) {
      const hash = createHash("sha256");
      const copy = client.query(copyStreams.to(`COPY "${table}" TO STDOUT`));
      await pipeline(copy, new Writable({ write: (c: Buffer, _e, done) => (hash.update(c), done()) }));
      out[table] = { rows: copy.rowCount, sha256: hash.digest("hex") };
    }
    return out;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atrium-drill-"));
  source = await createTestDatabase(testInfraUrls().pgAdminUrl);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: source.url, DATA_DIR: dir, BACKUP_DIR: path.join(dir, "backups") });
  ctx = { db: source.db, config, logger: createLogger(config, "drill-test"), now: () => new Date() };
  await bootstrap(ctx);
  // A populated database: tenants, people, ledgers (with text that COPY must escape), documents with files.
  const storage = storageAt("storage");
  for (let i = 0; i < 5; i++) {
    const { accountId } = await newAccount(ctx, { owners: 2, name: `Drill ${i} "quoted"\ttabbed\nnewline \\ back` });
    for (let j = 0; j < 40; j++) await applyLedgerEntry(source.db, { accountId, type: "credit", amountCents: 100 + j, idempotencyKey: `drill-${i}-${j}`, reason: j % 2 ? "top-up ✓" : null });
    const [doc] = await source.db
      .insert(schema.documents)
      .values({ accountId, filename: `f${i}.txt`, mimeType: "text/plain", sizeBytes: 10, sha256: "0".repeat(64), storageKey: documentKey(accountId, `d${i}`, `f${i}.txt`), extractedText: "ünïcödé, 'quotes', \\N and \\. lines" })
      .returning();
    const bytes = Buffer.from(`file ${i} `.repeat(100 * (i + 1)));
    await storage.put(String(doc?.storageKey), bytes, { contentType: "text/plain" });
    files.set(String(doc?.storageKey), bytes);
  }
  backup = await createBackup(ctx, { storage });
}, 60_000);

afterAll(async () => {
  await source?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("full backup and restore drill", () => {
  it("writes a manifest with every table's rows and checksum, and the files", async () => {
    const { audit_events: audit, ...expected } = await fingerprint(source.url);
    for (const [table, fp] of Object.entries(expected)) expect(backup.manifest.tables[table], table).toMatchObject(fp);
    // The backup's own audit event is written after its snapshot, so it is the one row the backup doesn't hold.
    expect(audit?.rows).toBe((backup.manifest.tables.audit_events?.rows ?? 0) + 1);
    expect(backup.manifest.tables.ledger_entries?.rows).toBe(200);
    expect(backup.manifest.files.map((f) => f.key).sort()).toEqual([...files.keys()].sort());
    expect(await verifyBackup(backup.dir)).toMatchObject({ ok: true, problems: [] });
    expect((await listManifests(ctx.config)).map((b) => b.manifest.id)).toEqual([backup.id]);
  });

  it("restores into an empty database: every table's rows and checksums equal, files byte-identical", async () => {
    const target = await createTestDatabase(testInfraUrls().pgAdminUrl, { empty: true });
    try {
      const restoredFiles = storageAt("restored-storage");
      const result = await restoreBackup({ databaseUrl: target.url, dir: backup.dir, storage: restoredFiles, logger: ctx.logger });
      expect(result).toMatchObject({ id: backup.id, files: files.size });
      const restored = await fingerprint(target.url);
      expect(restored).toEqual(Object.fromEntries(Object.entries(backup.manifest.tables).map(([t, m]) => [t, { rows: m.rows, sha256: m.sha256 }])));
      const { audit_events: _a, ...now } = await fingerprint(source.url);
      expect(restored).toMatchObject(now);
      for (const [key, bytes] of files) expect(Buffer.from(await text(await restoredFiles.get(key))).equals(bytes)).toBe(true);

      // Now it holds data: refused without --force, replaced with it.
      await expect(restoreBackup({ databaseUrl: target.url, dir: backup.dir, storage: null, logger: ctx.logger })).rejects.toThrow(/not empty.*--force/);
      await restoreBackup({ databaseUrl: target.url, dir: backup.dir, storage: null, force: true, logger: ctx.logger });
      expect(await fingerprint(target.url)).toEqual(restored);
    } finally {
      await target.drop();
    }
  });

  it("a damaged backup is refused: verify names the table, and restore leaves the target empty", async () => {
    const damaged = path.join(dir, "damaged");
    await rm(damaged, { recursive: true, force: true });
    await cp(backup.dir, damaged, { recursive: true });
    const file = path.join(damaged, "tables", "ledger_entries.copy.gz");
    const original = gunzipSync(await readFile(file)).toString("utf8");
    await writeFile(file, gzipSync(original.replace("top-up ✓", "top-up X")));
    expect(await verifyBackup(damaged)).toMatchObject({ ok: false, problems: ["table ledger_entries: checksum mismatch"] });
    const target = await createTestDatabase(testInfraUrls().pgAdminUrl, { empty: true });
    try {
      await expect(restoreBackup({ databaseUrl: target.url, dir: damaged, storage: null, logger: ctx.logger })).rejects.toThrow(/ledger_entries: the backup file does not match its checksum/);
      const counts = await fingerprint(target.url);
      expect(Object.values(counts).every((c) => c.rows === 0)).toBe(true);
    } finally {
      await target.drop();
    }
  });
});

describe("deep health", () => {
  it("reports the age of the last good backup, degraded once a scheduled one is overdue", async () => {
    const scheduled = { ...ctx, config: { ...ctx.config, BACKUP_CRON: "0 3 * * *", BACKUP_MAX_AGE_HOURS: 26 } };
    expect(await backupHealthCheck(scheduled)).toMatchObject({ kind: "backup", status: "ok", details: { lastBackupId: backup.id, ageHours: 0 } });
    const later = { ...scheduled, now: () => new Date(Date.parse(backup.manifest.createdAt) + 30 * 3_600_000) };
    expect(await backupHealthCheck(later)).toMatchObject({ status: "degraded", message: "last good backup 30 h ago (over BACKUP_MAX_AGE_HOURS)", details: { ageHours: 30 } });
    expect(await backupHealthCheck({ ...later, config: { ...later.config, BACKUP_CRON: undefined } })).toMatchObject({ status: "ok", message: "no schedule (BACKUP_CRON unset)" });
  });
});

describe("backup rotation", () => {
  it("keeps the newest per day for BACKUP_KEEP_DAILY days and per ISO week for BACKUP_KEEP_WEEKLY weeks", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    // Two a day for 40 days, newest first.
    const all = Array.from({ length: 80 }, (_, i) => new Date(now.getTime() - i * 12 * 3_600_000 - 3_600_000).toISOString());
    const keep = [...backupsToKeep(all, { daily: 7, weekly: 4 })].sort().reverse();
    // The newest of each of the last 7 days ...
    const days = all.filter((at, i) => i === all.findIndex((x) => x.slice(0, 10) === at.slice(0, 10))).slice(0, 7);
    expect(keep.slice(0, 7)).toEqual(days);
    // ... and of each of 4 ISO weeks, the oldest of which reaches back under 4 weeks: nothing older survives.
    expect(keep.length).toBeGreaterThan(7);
    expect(keep.length).toBeLessThanOrEqual(7 + 4);
    expect(new Set(keep.map((at) => at.slice(0, 10))).size).toBe(keep.length);
    expect(now.getTime() - new Date(keep.at(-1) as string).getTime()).toBeLessThan(28 * 86_400_000);
  });
});
