import { createHash, randomUUID } from "node:crypto";
import type { ServiceContext } from "../shared/context.js";
import { documentKey, type Storage } from "../storage/storage.service.js";
import { publishDocumentChange } from "./document-live.js";
import * as repo from "./document.repository.js";
import type { TDocumentKind } from "./document.schema.js";

export interface TextDocument {
  /** The document to rewrite; a missing or deleted one is written anew under a fresh id. */
  id?: string | null;
  accountId: string;
  uploadedById: string | null;
  filename: string;
  kind: TDocumentKind;
  text: string;
}

/**
 * Keeps a text the platform writes itself (a job posting's description) as an ordinary document of
 * the account: its bytes in the same storage as uploads, its text already extracted, so analysis
 * jobs read it like any upload. The caller has authorized the write; the caller's own audit row
 * names the document. Run it inside the caller's transaction: the row changes with theirs.
 */
export async function saveTextDocument(ctx: ServiceContext, storage: Storage, doc: TextDocument): Promise<repo.DocumentRow> {
  const bytes = Buffer.from(doc.text, "utf8");
  const content = { sizeBytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), mimeType: "text/plain" };
  const existing = doc.id ? await repo.findDocument(ctx.db, doc.id) : undefined;
  const now = ctx.now();
  let row: repo.DocumentRow | undefined;
  if (existing && existing.accountId === doc.accountId) {
    await storage.put(existing.storageKey, bytes, { contentType: content.mimeType });
    row = await repo.replaceExtractedContent(ctx.db, existing.id, { ...content, text: doc.text }, now);
  }
  if (!row) {
    const id = randomUUID();
    const storageKey = documentKey(doc.accountId, id, doc.filename);
    await storage.put(storageKey, bytes, { contentType: content.mimeType });
    row = await repo.insertDocument(ctx.db, {
      id,
      accountId: doc.accountId,
      uploadedById: doc.uploadedById,
      filename: doc.filename,
      storageKey,
      kind: doc.kind,
      ...content,
      extractionStatus: "done",
      extractedText: doc.text,
    });
  }
  await publishDocumentChange(ctx, row);
  return row;
}
