import { z } from "zod";

/** What a tenant archive says about itself; restore refuses another format or a newer schema. */
export const ARCHIVE_FORMAT = "atrium.tenant-archive";
export const ARCHIVE_FORMAT_VERSION = 1;

const flag = z
  .enum(["true", "false", "1", "0"], { error: "Use true or false" })
  .transform((v) => v === "true" || v === "1");

export const ZTenantExportQuery = z.strictObject({
  /** Staff only: another tenant. Tenant owners and admins export their own (their home account by default). */
  accountId: z.uuid({ error: "Must be an account id" }).optional(),
  /** Also the stored files of the documents, base64 in the archive. */
  includeFiles: flag.default(false),
});
export type TTenantExportQuery = z.output<typeof ZTenantExportQuery>;

export const ZTenantRestoreQuery = z.strictObject({
  /** Validate and report what would be created; write nothing. */
  dryRun: flag.default(false),
  /** `new`: a fresh account (new ids, references remapped); `same`: the archived account's own ids, only once it no longer exists. */
  target: z.enum(["new", "same"], { error: "Use new or same" }).default("new"),
});
export type TTenantRestoreQuery = z.output<typeof ZTenantRestoreQuery>;

export const ZTenantRestoreResult = z.object({
  accountId: z.uuid(),
  dryRun: z.boolean(),
  target: z.enum(["new", "same"]),
  /** Rows per section written (or, on a dry run, that would be). */
  sections: z.record(z.string(), z.number().int()),
  files: z.number().int(),
});
export type TTenantRestoreResult = z.infer<typeof ZTenantRestoreResult>;

/** The archive's first line. schemaVersion is the newest migration tag of the exporting database. */
export const ZArchiveHeader = z.object({
  t: z.literal("header"),
  format: z.literal(ARCHIVE_FORMAT, { error: `Not an Atrium tenant archive (format must be ${ARCHIVE_FORMAT})` }),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION, { error: `Unsupported archive format version (this server reads ${ARCHIVE_FORMAT_VERSION})` }),
  schemaVersion: z.string().regex(/^\d{4}_/, "Must be a migration tag"),
  exportedAt: z.iso.datetime(),
  accountId: z.uuid(),
  includeFiles: z.boolean(),
});
export type TArchiveHeader = z.infer<typeof ZArchiveHeader>;

export const ZArchiveRow = z.object({ t: z.literal("row"), s: z.string(), r: z.record(z.string(), z.unknown()) });
/** After each section's rows: how many, and the SHA-256 of their lines (`JSON.stringify(row) + "\n"` each). */
export const ZArchiveSectionEnd = z.object({ t: z.literal("section"), s: z.string(), count: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
/** One stored file of a document, with its bytes (base64). */
export const ZArchiveFile = z.object({
  t: z.literal("file"),
  documentId: z.uuid(),
  storageKey: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  data: z.base64(),
});
export const ZArchiveEnd = z.object({ t: z.literal("end"), sections: z.number().int(), files: z.number().int() });
export const ZArchiveLine = z.discriminatedUnion("t", [ZArchiveHeader, ZArchiveRow, ZArchiveSectionEnd, ZArchiveFile, ZArchiveEnd]);
export type TArchiveLine = z.infer<typeof ZArchiveLine>;
