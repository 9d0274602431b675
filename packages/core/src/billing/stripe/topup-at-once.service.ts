import type { ServiceContext } from "../../shared/context.js";
import { accountTopic } from "../../realtime/realtime.schema.js";
import { publishEvent } from "../../realtime/realtime.service.js";
import { emitTelemetry } from "../../system/telemetry.service.js";
import { TOPUP_KIND } from "./checkout.service.js";
import { isUuidShaped } from "./stripe.repository.js";
import { ZCheckoutSession, type TEventEnvelope } from "./stripe-object.schema.js";
import { creditTopupAtOnce } from "./topup-at-once.repository.js";
import { TOPUP_EVENT_TYPES, topupCredit } from "./webhook-handler.service.js";

/**
 * The common webhook — a paid top-up for an account that has its reserve in
 * the session's currency — applied in one statement (topup-at-once.repository.ts)
 * instead of a transaction of five round trips. Returns null for anything it
 * doesn't cover or when the statement wrote nothing or failed; the caller then
 * runs the transactional path, which judges every case (creates a missing
 * reserve, refuses a wrong currency, replays a session credited before).
 */
export async function applyTopupAtOnce(ctx: ServiceContext, event: TEventEnvelope): Promise<{ duplicate: boolean; handled: boolean } | null> {
  if (!TOPUP_EVENT_TYPES.has(event.type)) return null;
  const parsed = ZCheckoutSession.safeParse(event.data.object);
  if (!parsed.success) return null;
  const session = parsed.data;
  const accountId = session.metadata.accountId ?? session.client_reference_id;
  const amountCents = session.amount_total ?? 0;
  if (session.metadata.kind !== TOPUP_KIND || session.payment_status !== "paid" || !isUuidShaped(accountId) || amountCents <= 0 || !session.currency) return null;
  const credit = topupCredit(session.id);
  let result;
  try {
    result = await creditTopupAtOnce(ctx.db, {
      event: { id: event.id, type: event.type, payload: event, createdUnix: event.created },
      accountId,
      amountCents,
      currency: session.currency,
      sessionId: session.id,
      ...credit,
    });
  } catch (err) {
    // Nothing was written (one statement); the transactional path tells a replayed session from a real failure.
    ctx.logger.debug({ err, eventId: event.id }, "top-up statement failed; taking the transactional path");
    return null;
  }
  if (!result?.fits) return null;
  if (result.duplicate) return { duplicate: true, handled: false };
  // What the transactional path's creditReserve says once its entry has committed.
  emitTelemetry("ledger.entry", { type: "credit", outcome: "applied", amountCents });
  await publishEvent(ctx, [accountTopic(accountId)], { type: "balance.changed", accountId });
  return { duplicate: false, handled: true };
}
