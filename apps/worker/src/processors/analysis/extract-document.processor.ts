import { ANALYSIS_JOBS, extractUploadedDocument } from "@atrium/core";
import { defineProcessor } from "../base.js";

/** Extracts an uploaded document's text ahead of any analysis (rules in core). */
export const extractDocumentProcessor = defineProcessor(ANALYSIS_JOBS.extract, ({ documentId }, ctx) => extractUploadedDocument(ctx, documentId));
