import { UnrecoverableError } from "bullmq";
import { ANALYSIS_JOBS, extractDocument, ServiceError, storageFromConfig } from "@atrium/core";
import { defineProcessor } from "../base.js";

/** Extracts an uploaded document's text ahead of any analysis; storage or db hiccups retry, a missing row doesn't. */
export const extractDocumentProcessor = defineProcessor(ANALYSIS_JOBS.extract, async ({ documentId }, ctx) => {
  try {
    const out = await extractDocument(ctx, storageFromConfig(ctx.config), documentId);
    return { status: out.status };
  } catch (err) {
    if (err instanceof ServiceError && err.code === "NOT_FOUND") throw new UnrecoverableError(`document ${documentId} not found`);
    throw err;
  }
});
