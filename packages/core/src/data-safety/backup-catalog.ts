import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Env } from "@atrium/config";
import { ZBackupManifest, type TBackupManifest } from "./backup.schema.js";

/** BACKUP_DIR, which the config loader resolves (default DATA_DIR/backups). */
export const backupDirOf = (config: Pick<Env, "BACKUP_DIR" | "DATA_DIR">) => config.BACKUP_DIR ?? path.join(config.DATA_DIR, "backups");

/** A backup's manifest, or null when the folder is not a finished, readable backup. */
export async function readManifest(dir: string): Promise<TBackupManifest | null> {
  try {
    const parsed = ZBackupManifest.safeParse(JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Finished backups, newest first. */
export async function listManifests(config: Pick<Env, "BACKUP_DIR" | "DATA_DIR">): Promise<Array<{ dir: string; manifest: TBackupManifest }>> {
  const root = backupDirOf(config);
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const out: Array<{ dir: string; manifest: TBackupManifest }> = [];
  for (const name of names.filter((n) => n.startsWith("atrium-"))) {
    const manifest = await readManifest(path.join(root, name));
    if (manifest) out.push({ dir: path.join(root, name), manifest });
  }
  return out.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
}

/**
 * The newest finished backup and how many there are, reading one manifest (names sort by time):
 * what the deep health asks every few seconds, so it never parses every manifest's file list.
 */
export async function newestBackup(config: Pick<Env, "BACKUP_DIR" | "DATA_DIR">): Promise<{ manifest: TBackupManifest | null; count: number }> {
  let names: string[];
  try {
    names = (await readdir(backupDirOf(config))).filter((n) => n.startsWith("atrium-")).sort().reverse();
  } catch {
    return { manifest: null, count: 0 };
  }
  for (const name of names) {
    const manifest = await readManifest(path.join(backupDirOf(config), name));
    if (manifest) return { manifest, count: names.length };
  }
  return { manifest: null, count: 0 };
}

const isoWeek = (d: Date) => {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  return `${year}-W${Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7)}`;
};

/**
 * Which backups rotation keeps: the newest of each of the `daily` most recent
 * days that have one, and of each of the `weekly` most recent ISO weeks
 * (grandfather-father-son, minus the grandfather). Counting days with a backup,
 * not calendar days, means a paused schedule never rotates the last good ones away.
 * Input newest first.
 */
export function backupsToKeep(createdAt: string[], opts: { daily: number; weekly: number }): Set<string> {
  const keep = new Set<string>(createdAt.slice(0, 1));
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const at of createdAt) {
    const day = at.slice(0, 10);
    if (!days.has(day) && days.size < opts.daily) {
      days.add(day);
      keep.add(at);
    }
    const week = isoWeek(new Date(at));
    if (!weeks.has(week) && weeks.size < opts.weekly) {
      weeks.add(week);
      keep.add(at);
    }
  }
  return keep;
}

/** Deletes the generations rotation no longer keeps (BACKUP_KEEP_DAILY / _WEEKLY); returns their ids. */
export async function pruneBackups(config: Pick<Env, "BACKUP_DIR" | "DATA_DIR" | "BACKUP_KEEP_DAILY" | "BACKUP_KEEP_WEEKLY">): Promise<string[]> {
  const all = await listManifests(config);
  const keep = backupsToKeep(
    all.map((b) => b.manifest.createdAt),
    { daily: config.BACKUP_KEEP_DAILY, weekly: config.BACKUP_KEEP_WEEKLY },
  );
  const doomed = all.filter((b) => !keep.has(b.manifest.createdAt));
  for (const b of doomed) await rm(b.dir, { recursive: true, force: true });
  return doomed.map((b) => b.manifest.id);
}
