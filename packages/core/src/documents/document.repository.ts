import { and, desc, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import { inScope, type TenantScope } from "../accounts/scope.repository.js";

const { documents, applications } = schema;
export type DocumentRow = typeof documents.$inferSelect;
export type NewDocumentRow = typeof documents.$inferInsert;

export async function insertDocument(db: DbOrTx, row: NewDocumentRow): Promise<DocumentRow> {
  const [created] = await db.insert(documents).values(row).returning();
  if (!created) throw new Error("insert returned no row");
  return created;
}

/** A live (not soft-deleted) document, any tenant: callers authorize against its accountId. */
export async function findDocument(db: DbOrTx, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), isNull(documents.deletedAt)));
  return row;
}

export async function findDocumentPage(
  db: DbOrTx,
  q: { scope: TenantScope; accountId: string; kind?: string; limit: number; cursor?: string; hideApplicationResumes?: boolean },
): Promise<DocumentRow[]> {
  const where: Array<SQL | undefined> = [
    q.hideApplicationResumes ? notApplicationResume : undefined,
    inScope(documents.accountId, q.scope),
    eq(documents.accountId, q.accountId),
    isNull(documents.deletedAt),
    q.kind ? eq(documents.kind, q.kind) : undefined,
    after(documents, documents, q.cursor),
  ];
  return db
    .select()
    .from(documents)
    .where(and(...where))
    .orderBy(desc(documents.createdAt), desc(documents.id))
    .limit(q.limit + 1);
}

export async function softDeleteDocument(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(documents)
    .set({ deletedAt: at, updatedAt: at })
    .where(and(eq(documents.id, id), isNull(documents.deletedAt)))
    .returning({ id: documents.id });
  return rows.length > 0;
}

export async function setDocumentKind(db: DbOrTx, id: string, kind: string, at: Date): Promise<DocumentRow | undefined> {
  const [row] = await db
    .update(documents)
    .set({ kind, updatedAt: at })
    .where(and(eq(documents.id, id), isNull(documents.deletedAt)))
    .returning();
  return row;
}

export interface ExtractionOutcome {
  status: "done" | "failed";
  text?: string | null;
  pageCount?: number | null;
  error?: string | null;
}

const extractionColumns = (r: ExtractionOutcome, at: Date) => ({ extractionStatus: r.status, extractedText: r.text ?? null, pageCount: r.pageCount ?? null, extractionError: r.error ?? null, updatedAt: at });

export async function setExtraction(db: DbOrTx, id: string, r: ExtractionOutcome, at: Date): Promise<void> {
  await db.update(documents).set(extractionColumns(r, at)).where(eq(documents.id, id));
}

/**
 * setExtraction for the upload's own extraction: it doesn't overwrite text another writer stored
 * meanwhile (a transcription's transcript lands while the recording's "no text" failure is in
 * flight). False when that happened.
 */
export async function setExtractionUnlessDone(db: DbOrTx, id: string, r: ExtractionOutcome, at: Date): Promise<boolean> {
  const rows = await db
    .update(documents)
    .set(extractionColumns(r, at))
    .where(and(eq(documents.id, id), ne(documents.extractionStatus, "done")))
    .returning({ id: documents.id });
  return rows.length > 0;
}

/** Résumé copies sent with an application (recruiting): only the employer's recruiting roles read them. */
const notApplicationResume = sql`not exists (select 1 from ${applications} a where a.resume_document_id = ${documents.id})`;

export async function isApplicationResume(db: DbOrTx, documentId: string): Promise<boolean> {
  const rows = await db.select({ id: applications.id }).from(applications).where(eq(applications.resumeDocumentId, documentId)).limit(1);
  return rows.length > 0;
}

/** New bytes under the same key (a text the platform rewrites): size, hash and text change together. */
export async function replaceExtractedContent(
  db: DbOrTx,
  id: string,
  c: { sizeBytes: number; sha256: string; mimeType: string; text: string },
  at: Date,
): Promise<DocumentRow | undefined> {
  const [row] = await db
    .update(documents)
    .set({ sizeBytes: c.sizeBytes, sha256: c.sha256, mimeType: c.mimeType, extractionStatus: "done", extractedText: c.text, extractionError: null, pageCount: null, updatedAt: at })
    .where(and(eq(documents.id, id), isNull(documents.deletedAt)))
    .returning();
  return row;
}
