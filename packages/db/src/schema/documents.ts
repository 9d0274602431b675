import { bigint, index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, softDelete, timestamps } from "./_columns.js";
import { tenantId } from "./accounts.js";
import { users } from "./users.js";

export const extractionStatus = pgEnum("extraction_status", ["pending", "done", "failed"]);

/** An uploaded file: bytes in storage under a per-tenant key, extracted text here. */
export const documents = pgTable(
  "documents",
  {
    id: id(),
    accountId: tenantId(),
    uploadedById: uuid().references(() => users.id, { onDelete: "set null" }),
    filename: text().notNull(),
    /** Detected from the content, never from the name. */
    mimeType: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    /** What the document is, as the uploader says: resume, job_description, worklog, property, other. */
    kind: text().notNull().default("other"),
    extractionStatus: extractionStatus().notNull().default("pending"),
    extractedText: text(),
    extractionError: text(),
    pageCount: integer(),
    ...timestamps,
    ...softDelete,
  },
  (t) => [index("documents_account_created_idx").on(t.accountId, t.createdAt)],
);
