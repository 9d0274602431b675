// `npm run restore -- <backup> [--force] [--database-url URL] [--drill]`: restores a full backup (a folder
// in BACKUP_DIR, by path or name; `latest` = the newest; or a .tar.gz downloaded from Admin → System →
// Backups) into DATABASE_URL, or with --drill into a scratch database created next to it (and dropped
// after), then verifies every table against the manifest.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { extract as extractTar } from "tar";
import { configOrExit, createLogger } from "@atrium/config";
import { backupDirOf, listManifests, localFileStorage, restoreBackup, storageFromConfig } from "@atrium/core";

const config = configOrExit();
const logger = createLogger(config, "restore");
const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean" }, drill: { type: "boolean" }, "database-url": { type: "string" } } });
const target = values["database-url"] ?? config.DATABASE_URL;
if (!target) {
  logger.fatal("DATABASE_URL (or --database-url) is required");
  process.exit(1);
}

let cleanup = async () => {};

async function resolveBackup(arg: string | undefined): Promise<string> {
  if (arg && /\.t(ar\.)?gz$/.test(arg)) {
    // A downloaded archive holds one folder, the backup's name: unpack it somewhere private first.
    const into = await mkdtemp(path.join(tmpdir(), "atrium-restore-"));
    const previous = cleanup;
    cleanup = async () => {
      await previous();
      await rm(into, { recursive: true, force: true });
    };
    await extractTar({ file: path.resolve(arg), cwd: into });
    const [name] = (await readdir(into)).filter((n) => n.startsWith("atrium-"));
    if (!name) throw new Error(`${arg} holds no backup folder`);
    return path.join(into, name);
  }
  if (!arg || arg === "latest") {
    const newest = (await listManifests(config))[0];
    if (!newest) throw new Error(`no backups in ${backupDirOf(config)}`);
    return newest.dir;
  }
  return arg.includes("/") ? path.resolve(arg) : path.join(backupDirOf(config), arg);
}

/** A throwaway database beside the target, for a drill that never touches real data. */
async function scratchDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `atrium_drill_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

try {
  const dir = await resolveBackup(positionals[0]);
  if (values.drill) {
    const scratch = await scratchDatabase(target);
    const files = await mkdtemp(path.join(tmpdir(), "atrium-drill-files-"));
    const previous = cleanup;
    cleanup = async () => {
      await previous();
      await scratch.drop();
      await rm(files, { recursive: true, force: true });
    };
    const result = await restoreBackup({ databaseUrl: scratch.url, dir, storage: localFileStorage({ root: files, secret: "drill" }), logger });
    console.log(JSON.stringify({ drill: "ok", ...result }));
  } else {
    const result = await restoreBackup({ databaseUrl: target, dir, storage: storageFromConfig(config), force: values.force ?? false, logger });
    console.log(JSON.stringify(result));
  }
  await cleanup();
} catch (err) {
  await cleanup().catch(() => {});
  logger.fatal({ err }, "restore failed");
  console.error(`restore failed: ${(err as Error).message}`);
  logger.flush(() => process.exit(1));
}
