import { purgeSoftDeleted } from "@atrium/core";
import { TENANCY_JOBS } from "@atrium/core/jobs";
import { defineProcessor } from "../base.js";

/** Hard-deletes accounts, organizations, teams and users soft-deleted longer than the retention. */
export const purgeSoftDeletedProcessor = defineProcessor(TENANCY_JOBS.purgeSoftDeleted, (payload, ctx) => purgeSoftDeleted(ctx, payload));
