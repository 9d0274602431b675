import { UnrecoverableError } from "bullmq";
import { ANALYSIS_JOBS, extractDocument, findDocument, FLAGS, flagOn, ServiceError, storageFromConfig } from "@atrium/core";
import { defineProcessor } from "../base.js";

/**
 * Extracts an uploaded document's text ahead of any analysis; storage or db hiccups retry, a missing
 * row doesn't. A document-processing flag turned off since the upload queued this skips it (an
 * analysis job still extracts what it reads).
 */
export const extractDocumentProcessor = defineProcessor(ANALYSIS_JOBS.extract, async ({ documentId }, ctx) => {
  const doc = await findDocument(ctx.db, documentId);
  if (doc && !(await flagOn(ctx, FLAGS.documentProcessing, { accountId: doc.accountId }))) return { status: "skipped: feature flag document-processing is off" };
  try {
    const out = await extractDocument(ctx, storageFromConfig(ctx.config), documentId);
    return { status: out.status };
  } catch (err) {
    if (err instanceof ServiceError && err.code === "NOT_FOUND") throw new UnrecoverableError(`document ${documentId} not found`);
    throw err;
  }
});
