import { INVITE_JOBS, purgeStaleInviteKeys } from "@atrium/core";
import { defineProcessor } from "../base.js";

/** Deletes invite keys nobody used that died (expired or revoked) long ago. */
export const purgeStaleInviteKeysProcessor = defineProcessor(INVITE_JOBS.purgeStale, async ({ olderThanDays }, ctx) => {
  const out = await purgeStaleInviteKeys(ctx, olderThanDays);
  if (out.deleted) ctx.logger.info(out, "stale invite keys purged");
  return out;
});
