import type { ServiceContext } from "../shared/context.js";
import { accountTopic, userTopic } from "../realtime/realtime.schema.js";
import { publishEvent } from "../realtime/realtime.service.js";

/**
 * An application changed (created, moved, withdrawn, matched): the candidate's own pages and the
 * employer's board refetch. Through inTransaction's txCtx it waits for the commit.
 */
export function publishApplicationChange(
  ctx: Pick<ServiceContext, "realtime" | "logger">,
  app: { id: string; postingId: string; accountId: string; candidateUserId: string; status: string },
): Promise<void> {
  return publishEvent(ctx, [userTopic(app.candidateUserId), accountTopic(app.accountId)], {
    type: "application.changed",
    applicationId: app.id,
    postingId: app.postingId,
    accountId: app.accountId,
    status: app.status,
  });
}
