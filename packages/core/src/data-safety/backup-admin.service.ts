import path from "node:path";
import { recordAudit } from "../audit/audit.service.js";
import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import { ServiceError, notFound } from "../shared/errors.js";
import { authorizeStaff } from "../accounts/policy.service.js";
import { backupDirOf, listManifests, readManifest } from "./backup-catalog.js";
import type { TBackupList, TBackupVerification } from "./backup.schema.js";
import { DATA_JOBS } from "./data-safety.jobs.js";
import { backupSize } from "./backup.service.js";
import { verifyBackup } from "./backup-restore.service.js";

/** Finished backups in BACKUP_DIR, newest first, with their size and contents (staff). */
export async function listBackups(ctx: ServiceContext, actor: Actor): Promise<TBackupList> {
  authorizeStaff(actor);
  const all = await listManifests(ctx.config);
  const backups = await Promise.all(
    all.map(async ({ dir, manifest: m }) => ({
      id: m.id,
      createdAt: m.createdAt,
      schemaVersion: m.schemaVersion,
      sizeBytes: await backupSize(dir),
      tables: Object.keys(m.tables).length,
      rows: Object.values(m.tables).reduce((s, t) => s + t.rows, 0),
      files: m.files.length,
      durationMs: m.durationMs,
    })),
  );
  return { backups, dir: backupDirOf(ctx.config), s3Bucket: ctx.config.BACKUP_S3_BUCKET ?? null, schedule: ctx.config.BACKUP_CRON ?? null };
}

/** The folder of one finished backup, for download (staff); ids are checked by the contract, and the folder must hold a manifest. */
export async function backupFolder(ctx: ServiceContext, actor: Actor, id: string): Promise<string> {
  authorizeStaff(actor);
  return folderOf(ctx, id);
}

async function folderOf(ctx: ServiceContext, id: string): Promise<string> {
  const dir = path.join(backupDirOf(ctx.config), id);
  if (!(await readManifest(dir))) throw notFound("Backup");
  return dir;
}

/** Re-reads every table and file of a backup against its manifest; audited. */
export async function verify(ctx: ServiceContext, actor: Actor, id: string, meta: RequestMeta | null): Promise<TBackupVerification> {
  authorizeStaff(actor);
  const result = await verifyBackup(await folderOf(ctx, id));
  await recordAudit(ctx.db, { eventType: "backup.verified", actor: { id: actor.userId, username: actor.username }, target: { type: "backup", id }, meta, details: { ok: result.ok, problems: result.problems.length } });
  return result;
}

/** "Back up now": queues the same job the schedule runs, on the worker (a backup can take minutes). */
export async function requestBackup(ctx: ServiceContext, actor: Actor): Promise<{ jobId: string }> {
  authorizeStaff(actor);
  if (!ctx.jobs) throw new ServiceError("PRECONDITION_FAILED", "No job queue: backups run on the worker");
  const { id } = await ctx.jobs.enqueue(DATA_JOBS.backup, { requestedById: actor.userId }, { attempts: 1 });
  return { jobId: id };
}
