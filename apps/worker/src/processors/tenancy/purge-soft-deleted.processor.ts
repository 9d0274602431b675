import { purgeSoftDeleted, storageFromConfig } from "@atrium/core";
import { TENANCY_JOBS } from "@atrium/core/queues";
import { defineProcessor } from "../base.js";

/** Hard-deletes accounts (with their stored files), organizations, teams and users soft-deleted longer than the retention. */
export const purgeSoftDeletedProcessor = defineProcessor(TENANCY_JOBS.purgeSoftDeleted, (payload, ctx) => purgeSoftDeleted(ctx, storageFromConfig(ctx.config), payload));
