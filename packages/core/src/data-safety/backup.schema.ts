import { z } from "zod";

export const BACKUP_FORMAT = "atrium.backup";

/** manifest.json of a full backup: written last, so a folder without one is not a backup. */
export const ZBackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  id: z.string().regex(/^atrium-\d{8}T\d{9}Z$/),
  createdAt: z.iso.datetime(),
  /** The newest migration the database had applied: restore needs the same build's migrations. */
  schemaVersion: z.string(),
  durationMs: z.number().int(),
  /** Per table: rows, and the SHA-256 of its COPY text (before gzip). */
  tables: z.record(z.string(), z.object({ rows: z.number().int(), sha256: z.string(), bytes: z.number().int() })),
  files: z.array(z.object({ key: z.string(), sha256: z.string(), size: z.number().int() })),
});
export type TBackupManifest = z.infer<typeof ZBackupManifest>;

/** What staff see per backup (Admin → System → Backups). */
export const ZBackupSummary = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  schemaVersion: z.string(),
  sizeBytes: z.number().int(),
  tables: z.number().int(),
  rows: z.number().int(),
  files: z.number().int(),
  durationMs: z.number().int(),
});
export type TBackupSummary = z.infer<typeof ZBackupSummary>;

export const ZBackupList = z.object({ backups: z.array(ZBackupSummary), dir: z.string(), s3Bucket: z.string().nullable(), schedule: z.string().nullable() });
export type TBackupList = z.infer<typeof ZBackupList>;

/** A backup is named by its folder (`atrium-<UTC timestamp>`), not by a row id: it lives outside the database. */
export const ZBackupIdInput = z.strictObject({ name: z.string().regex(/^atrium-\d{8}T\d{9}Z$/, "Not a backup name") });
export type TBackupIdInput = z.infer<typeof ZBackupIdInput>;

export const ZBackupVerification = z.object({ id: z.string(), ok: z.boolean(), problems: z.array(z.string()), checkedTables: z.number().int(), checkedFiles: z.number().int() });
export type TBackupVerification = z.infer<typeof ZBackupVerification>;
