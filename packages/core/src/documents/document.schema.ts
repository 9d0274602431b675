import { z } from "zod";
import { ZCursor, ZLimit, ZDirection } from "../shared/pagination.schema.js";

export const DOCUMENT_KINDS = ["resume", "job_description", "worklog", "property", "other"] as const;
export const ZDocumentKind = z.enum(DOCUMENT_KINDS, { error: `Kind must be one of ${DOCUMENT_KINDS.join(", ")}` });
export type TDocumentKind = z.infer<typeof ZDocumentKind>;

export const ZExtractionStatus = z.enum(["pending", "done", "failed"]);

/** How much extracted text the detail view carries. */
export const TEXT_PREVIEW_CHARS = 2000;

export const ZDocument = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    uploadedById: z.uuid().nullable(),
    filename: z.string(),
    /** Detected from the content, not the name. */
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    kind: ZDocumentKind,
    extractionStatus: ZExtractionStatus,
    extractionError: z.string().nullable(),
    pageCount: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Document" });
export type TDocument = z.infer<typeof ZDocument>;

export const ZDocumentDetail = ZDocument.extend({
  /** The first 2000 characters of the extracted text; null until extraction is done. */
  textPreview: z.string().nullable(),
  textLength: z.number().int().nullable(),
}).meta({ id: "DocumentDetail" });
export type TDocumentDetail = z.infer<typeof ZDocumentDetail>;

export const ZListDocumentsInput = z.strictObject({
  accountId: z.uuid({ error: "Not a valid account id" }).optional().describe("Defaults to your home account"),
  kind: ZDocumentKind.optional(),
  limit: ZLimit,
  cursor: ZCursor,
  direction: ZDirection,
});
export type TListDocumentsInput = z.infer<typeof ZListDocumentsInput>;

export const ZDocumentPage = z.object({ items: z.array(ZDocument), nextCursor: z.string().nullable() }).meta({ id: "DocumentPage" });
export type TDocumentPage = z.infer<typeof ZDocumentPage>;

export const ZDocumentIdInput = z.strictObject({ id: z.uuid({ error: "Not a valid document id" }) });
export type TDocumentIdInput = z.infer<typeof ZDocumentIdInput>;

/** What can change after the upload: only what the uploader said the document is. */
export const ZUpdateDocumentInput = z.strictObject({ id: z.uuid({ error: "Not a valid document id" }), kind: ZDocumentKind });
export type TUpdateDocumentInput = z.infer<typeof ZUpdateDocumentInput>;

export const ZDocumentDownload = z
  .object({ url: z.string(), expiresAt: z.string() })
  .meta({ id: "DocumentDownload", description: "A short-lived link to the file's bytes" });
export type TDocumentDownload = z.infer<typeof ZDocumentDownload>;

/** The multipart upload's non-file fields. */
export const ZUploadFields = z.object({
  kind: ZDocumentKind.default("other"),
  accountId: z.uuid({ error: "Not a valid account id" }).optional(),
});
export type TUploadFields = z.infer<typeof ZUploadFields>;
