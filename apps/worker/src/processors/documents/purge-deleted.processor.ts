import { purgeDeletedDocuments, storageFromConfig } from "@atrium/core";
import { DOCUMENT_JOBS } from "@atrium/core/queues";
import { defineProcessor } from "../base.js";

/** Removes documents soft-deleted longer than the retention: their stored bytes first, then their rows. */
export const purgeDeletedDocumentsProcessor = defineProcessor(DOCUMENT_JOBS.purgeDeleted, (payload, ctx) => purgeDeletedDocuments(ctx, storageFromConfig(ctx.config), payload));
