import { sessionService } from "@atrium/core";
import { SESSION_JOBS } from "@atrium/core/queues";
import { defineProcessor } from "../base.js";

/** Deletes sessions past their expiry; validation already deletes them lazily, this catches the ones nobody presents again. */
export const purgeExpiredSessionsProcessor = defineProcessor(SESSION_JOBS.purgeExpired, async (_payload, ctx) => {
  const purged = await sessionService.purgeExpiredSessions(ctx);
  ctx.logger.info({ purged }, "purged expired sessions");
  return { purged };
});
