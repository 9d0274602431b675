import { UnrecoverableError } from "bullmq";
import { findDocument } from "../documents/document.repository.js";
import { extractDocument } from "../documents/extract-document.js";
import { flagOn } from "../flags/flag-gate.js";
import { FLAGS } from "../flags/flags.schema.js";
import type { ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import { storageFromConfig } from "../storage/index.js";

/**
 * Extracts an uploaded document's text ahead of any analysis (the `document.extract` job); storage or
 * db hiccups retry, a missing row doesn't. A document-processing flag turned off since the upload
 * queued this skips it (an analysis job still extracts what it reads).
 */
export async function extractUploadedDocument(ctx: ServiceContext, documentId: string): Promise<{ status: string }> {
  const doc = await findDocument(ctx.db, documentId);
  if (doc && !(await flagOn(ctx, FLAGS.documentProcessing, { accountId: doc.accountId }))) return { status: "skipped: feature flag document-processing is off" };
  try {
    const out = await extractDocument(ctx, storageFromConfig(ctx.config), documentId);
    return { status: out.status };
  } catch (err) {
    if (err instanceof ServiceError && err.code === "NOT_FOUND") throw new UnrecoverableError(`document ${documentId} not found`);
    throw err;
  }
}
