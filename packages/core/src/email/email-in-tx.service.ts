import type { DbOrTx } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import { publishOutboxChange, queueEmail } from "./email.service.js";
import type { TEmailTemplate } from "./email.schema.js";
import type { TemplateData } from "./template.service.js";

/**
 * Writes the outbox row inside the caller's transaction (so a rolled-back
 * change sends nothing) and returns a `dispatch` to call after commit: enqueued
 * earlier, the worker could look for a row it can't see yet (and staff's outbox
 * view told of a row it can't read yet, or never will).
 */
export async function queueEmailInTx<T extends TEmailTemplate>(
  ctx: ServiceContext,
  tx: DbOrTx,
  msg: { to: string; template: T; data: TemplateData[T]; accountId?: string | null },
): Promise<() => Promise<void>> {
  const { id } = await queueEmail({ ...ctx, db: tx, jobs: undefined, realtime: undefined }, msg);
  return async () => {
    await publishOutboxChange(ctx, id);
    await ctx.jobs?.enqueue("email.send", { emailId: id }).catch((err: unknown) => {
      ctx.logger.warn({ err, emailId: id }, "could not enqueue email; the sweep will retry");
    });
  };
}

/** Links in emails point at the SPA. */
export const appUrl = (ctx: ServiceContext, path: string) => `${ctx.config.PUBLIC_URL.replace(/\/$/, "")}${path}`;
