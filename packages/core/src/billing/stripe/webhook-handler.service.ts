import { recordAudit } from "../../audit/audit.service.js";
import type { ServiceContext } from "../../shared/context.js";
import { creditReserve, ensureReserve, reserveRules } from "../ledger.service.js";
import { formatCents } from "../money.service.js";
import { checkoutCreditKey, TOPUP_KIND } from "./checkout.service.js";
import { LOCAL_SESSION_PREFIX, localCreditId } from "./local-session.service.js";
import { accountName, accountReserveOf, clearPaymentFailed, existingAccountId, markStripeEvent, ownerIds, resolveAccountId, setPaymentFailed } from "./stripe.repository.js";
import { ZCheckoutSession, ZInvoice, ZPaymentIntent, type TEventEnvelope } from "./stripe-object.schema.js";
import { syncSubscription } from "./subscription-sync.service.js";
import { notifyInTx } from "../../notifications/notification.service.js";

export interface HandlerResult {
  /** false: stored for the record but nothing was done (unknown type, not ours, not paid yet). */
  handled: boolean;
  accountId: string | null;
  /** The handler recorded this outcome on the event row itself (see creditTopup). */
  recorded?: boolean;
  /** What to run once the event's transaction committed (live notifications, email jobs). */
  afterCommit?: () => Promise<void>;
}

const ignored = (accountId: string | null = null): HandlerResult => ({ handled: false, accountId });
const fromUnix = (s: number) => new Date(s * 1000);

/** A top-up session's ledger key and reason: one credit per session (per nonce for local checkout, see localCreditId). */
export function topupCredit(sessionId: string): { idempotencyKey: string; reason: string } {
  const local = sessionId.startsWith(LOCAL_SESSION_PREFIX);
  return { idempotencyKey: checkoutCreditKey(local ? localCreditId(sessionId) : sessionId), reason: local ? "Top-up (local checkout)" : "Top-up (Stripe Checkout)" };
}

/** The event types whose effect is crediting a paid top-up session. */
export const TOPUP_EVENT_TYPES: ReadonlySet<string> = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

/**
 * Credits a paid top-up session. The session id is the ledger's idempotency
 * key, so however many events name this session (retries, the async-payment
 * event, a second click on the local page) the reserve is credited once.
 */
async function creditTopup(ctx: ServiceContext, event: TEventEnvelope): Promise<HandlerResult> {
  const parsed = ZCheckoutSession.safeParse(event.data.object);
  if (!parsed.success || parsed.data.metadata.kind !== TOPUP_KIND) return ignored();
  const session = parsed.data;
  const candidate = session.metadata.accountId ?? session.client_reference_id;
  // Asynchronous payment methods complete "unpaid"; checkout.session.async_payment_succeeded follows.
  if (session.payment_status !== "paid") return ignored(await existingAccountId(ctx.db, candidate));
  // The account and its reserve in one round trip; the two-step lookup only when that answers nothing.
  const rules = reserveRules(ctx);
  const found = await accountReserveOf(ctx.db, candidate, rules.defaultPolicy);
  const accountId = found?.accountId ?? (await existingAccountId(ctx.db, candidate));
  if (!accountId) return ignored();
  const amount = session.amount_total ?? 0;
  const reserve = found ?? (await ensureReserve(ctx.db, accountId, rules));
  if (amount <= 0 || (session.currency ?? "").toLowerCase() !== reserve.currency.toLowerCase()) {
    ctx.logger.error({ eventId: event.id, sessionId: session.id, amount, currency: session.currency, reserveCurrency: reserve.currency }, "top-up not credited: amount or currency doesn't fit the reserve");
    return ignored(accountId);
  }
  // The outcome is written before the credit, in the same transaction: the reserve row the credit locks is
  // then held only until COMMIT, not across one more statement, and concurrent top-ups queue for less.
  await markStripeEvent(ctx.db, event.id, { handled: true, accountId });
  await creditReserve(
    ctx.db,
    {
      accountId,
      amountCents: amount,
      ...topupCredit(session.id),
      related: { type: "stripe_checkout", id: session.id },
      type: "credit",
      // applyStripeEvent retries its transaction on a unique violation (two events for one session at once).
      retriesOnConflict: true,
    },
    ctx,
  );
  return { handled: true, accountId, recorded: true };
}

/**
 * Never credits: every top-up PaymentIntent belongs to a Checkout session whose
 * checkout.session.completed carries the credit, so crediting here too would
 * need cross-event bookkeeping for no gain. It records the event against the
 * tenant and clears a payment-failed flag older than this payment.
 */
async function paymentSucceeded(ctx: ServiceContext, event: TEventEnvelope): Promise<HandlerResult> {
  const parsed = ZPaymentIntent.safeParse(event.data.object);
  if (!parsed.success) return ignored();
  const accountId = await resolveAccountId(ctx.db, parsed.data.metadata.accountId, parsed.data.customer);
  if (!accountId) return ignored();
  await clearPaymentFailed(ctx.db, accountId, fromUnix(event.created));
  return { handled: true, accountId };
}

/** Flags the account (the SPA shows it), emails its owners once per failed attempt, and audits it. */
async function paymentFailed(ctx: ServiceContext, event: TEventEnvelope): Promise<HandlerResult> {
  const parsed = ZInvoice.safeParse(event.data.object);
  if (!parsed.success) return ignored();
  const invoice = parsed.data;
  const metaAccount = invoice.metadata.accountId ?? invoice.parent?.subscription_details?.metadata.accountId ?? invoice.subscription_details?.metadata.accountId;
  const accountId = await resolveAccountId(ctx.db, metaAccount, invoice.customer);
  if (!accountId) return ignored();
  await ensureReserve(ctx.db, accountId, reserveRules(ctx));
  await setPaymentFailed(ctx.db, accountId, fromUnix(event.created));
  const name = await accountName(ctx.db, accountId);
  const amountDue = formatCents(invoice.amount_due ?? 0, invoice.currency ?? "usd");
  const billingUrl = `${ctx.config.PUBLIC_URL.replace(/\/+$/, "")}/billing`;
  const owners = await ownerIds(ctx.db, accountId);
  const dispatches: Array<() => Promise<void>> = [];
  for (const userId of owners) {
    const notified = await notifyInTx(ctx, ctx.db, {
      userId,
      accountId,
      kind: "payment.failed",
      title: `Payment failed for ${name}`,
      body: `We couldn't collect ${amountDue} for ${name}'s subscription. Update the payment method or pay the invoice.`,
      link: "/billing",
      email: { template: "payment_failed", data: { accountName: name, amountDue, billingUrl, invoiceUrl: invoice.hosted_invoice_url ?? null } },
    });
    dispatches.push(notified.dispatch);
  }
  await recordAudit(ctx.db, {
    eventType: "billing.payment_failed",
    target: { type: "stripe_invoice", id: invoice.id },
    accountId,
    details: { stripeEventId: event.id, amountDueCents: invoice.amount_due ?? 0, currency: invoice.currency ?? null, attempt: invoice.attempt_count ?? null, ownersEmailed: owners.length },
  });
  return { handled: true, accountId, afterCommit: async () => { for (const d of dispatches) await d(); } };
}

/** The effect of one event, run inside the transaction that claimed its id. Unknown types are stored and ignored. */
export async function applyEffect(ctx: ServiceContext, event: TEventEnvelope): Promise<HandlerResult> {
  if (TOPUP_EVENT_TYPES.has(event.type)) return creditTopup(ctx, event);
  switch (event.type) {
    case "payment_intent.succeeded":
      return paymentSucceeded(ctx, event);
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const r = await syncSubscription(ctx.db, event, event.type === "customer.subscription.deleted");
      if (r.handled && !r.applied) ctx.logger.info({ eventId: event.id, type: event.type }, "subscription event older than the stored state; ignored");
      return { handled: r.handled, accountId: r.accountId };
    }
    case "invoice.payment_failed":
      return paymentFailed(ctx, event);
    default:
      return ignored();
  }
}
