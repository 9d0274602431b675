import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { createLogger, loadConfig } from "@atrium/config";
import { createBackup, localFileStorage, prepareTenantExport, restoreBackup, restoreTenant, type ServiceContext } from "@atrium/core";
import { createDb, migrateDb, schema } from "@atrium/db";
import { startEmbeddedPostgres } from "@atrium/db/embedded";

// Export, restore, full backup and full restore of a tenant with N ledger rows (default 100k, seeded
// with generate_series), on one throwaway embedded Postgres. Prints timings, sizes and the peak RSS
// seen while exporting (sampled), so "streams, flat memory" is a number. Prints; never asserts.
const { values: args } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
const ROWS = Number(args.rows);

const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-bench-data-"));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true });
const stopOnSignal = () => void postgres.stop().finally(() => process.exit(130));
process.once("SIGINT", stopOnSignal).once("SIGTERM", stopOnSignal);

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

try {
  await postgres.createDatabase("atrium_bench");
  const url = postgres.urlFor("atrium_bench");
  await migrateDb(url);
  const { db, close } = createDb(url, { max: 4 });
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: url, DATA_DIR: dir, BACKUP_DIR: path.join(dir, "backups") });
  const ctx: ServiceContext = { db, config, logger: createLogger(config, "bench"), now: () => new Date() };
  const storage = localFileStorage({ root: path.join(dir, "storage"), secret: "bench-secret-bench-secret-bench-secret" });
  try {
    const [account] = await db.insert(schema.accounts).values({ name: "Bench tenant", slug: "bench" }).returning();
    const [staff] = await db.insert(schema.users).values({ username: "bench-staff", email: "staff@bench.test", passwordHash: "x", isStaff: true }).returning();
    if (!account || !staff) throw new Error("seed failed");
    const accountId = account.id;
    const [, seedMs] = await timed(async () => {
      await db.execute(sql`
        insert into ledger_entries (account_id, type, amount_cents, balance_after_cents, idempotency_key, reason, created_at)
        select ${accountId}, case when g % 3 = 0 then 'debit'::ledger_entry_type else 'credit'::ledger_entry_type end,
               case when g % 3 = 0 then -7 else 11 end, 0, 'bench:' || g, 'bench row ' || g, now() - (${ROWS} - g) * interval '1 second'
        from generate_series(1, ${ROWS}) g`);
      await db.execute(sql`insert into reserves (account_id, balance_cents) select ${accountId}, coalesce(sum(amount_cents), 0) from ledger_entries where account_id = ${accountId}`);
    });
    const actor = { userId: staff.id, username: staff.username, isStaff: true, accountRoles: {}, orgRoles: {}, homeAccountId: null };

    // Export: the same generator the route streams, through gzip to a file, sampling RSS as it goes.
    const archive = path.join(dir, "tenant.jsonl.gz");
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const [, exportMs] = await timed(async () => {
      const exp = await prepareTenantExport(ctx, storage, actor, { accountId, includeFiles: false }, null);
      await pipeline(Readable.from(exp.lines()), createGzip(), createWriteStream(archive));
    });
    clearInterval(sampler);

    const [restored, restoreMs] = await timed(() => restoreTenant(ctx, storage, actor, { open: () => createReadStream(archive), gzip: true }, { dryRun: false, target: "new" }, null));
    const [backup, backupMs] = await timed(() => createBackup(ctx, { storage }));
    await postgres.createDatabase("atrium_bench_restore");
    const [full, fullRestoreMs] = await timed(() => restoreBackup({ databaseUrl: postgres.urlFor("atrium_bench_restore"), dir: backup.dir, storage: null, logger: ctx.logger }));

    const backupBytes = Object.values(backup.manifest.tables).reduce((s, t) => s + t.bytes, 0);
    console.log(`data safety with ${ROWS.toLocaleString()} ledger rows (seeded in ${seedMs.toFixed(0)} ms)`);
    console.table({
      "tenant export": { ms: Math.round(exportMs), size: mb(statSync(archive).size), note: `RSS +${mb(rssPeak - rssBefore)} at peak` },
      "tenant restore (new account)": { ms: Math.round(restoreMs), size: "", note: `${restored.sections.ledgerEntries} ledger rows, validated then one transaction` },
      "full backup": { ms: Math.round(backupMs), size: mb(backupBytes), note: `${Object.keys(backup.manifest.tables).length} tables (COPY text before gzip)` },
      "full restore (empty db, verified)": { ms: Math.round(fullRestoreMs), size: "", note: `${full.rows.toLocaleString()} rows` },
    });
  } finally {
    await close();
  }
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
