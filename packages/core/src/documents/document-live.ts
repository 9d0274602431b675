import type { ServiceContext } from "../shared/context.js";
import { accountTopic } from "../realtime/realtime.schema.js";
import { publishEvent } from "../realtime/realtime.service.js";

/**
 * A document of the account changed (uploaded, extracted, failed to extract, re-kinded, deleted):
 * its list and page refetch instead of polling for the extraction. After the commit (or through
 * inTransaction's txCtx, which holds it until then).
 */
export function publishDocumentChange(ctx: Pick<ServiceContext, "realtime" | "logger">, doc: { id: string; accountId: string }): Promise<void> {
  return publishEvent(ctx, [accountTopic(doc.accountId)], { type: "document.updated", documentId: doc.id, accountId: doc.accountId });
}
