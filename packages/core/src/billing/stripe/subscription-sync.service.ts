import { sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { resolveAccountId } from "./stripe.repository.js";
import { ZSubscription, type TEventEnvelope, type TSubscription } from "./stripe-object.schema.js";

const { subscriptions } = schema;
const fromUnix = (s: number) => new Date(s * 1000);

type Product = string | { id: string; name?: string | null } | null | undefined;
const productName = (p: Product) => (typeof p === "string" ? p : (p?.name ?? p?.id ?? null));

/** The plan's name, price and period, from the first item's price (or the legacy `plan` of older API versions). */
export function describePlan(sub: TSubscription) {
  const item = sub.items?.data[0];
  const price = item?.price;
  const plan = item?.plan ?? sub.plan;
  return {
    plan: price?.nickname ?? price?.lookup_key ?? productName(price?.product) ?? plan?.nickname ?? productName(plan?.product) ?? price?.id ?? plan?.id ?? "unknown",
    amountCents: (price?.unit_amount ?? plan?.amount ?? 0) * (item?.quantity ?? 1),
    currency: price?.currency ?? plan?.currency ?? sub.currency ?? "usd",
    interval: price?.recurring?.interval ?? plan?.interval ?? "month",
    intervalCount: price?.recurring?.interval_count ?? plan?.interval_count ?? 1,
  };
}

/**
 * Mirrors one customer.subscription.* event into the subscriptions table.
 * Stripe doesn't guarantee order, so each row remembers the `created` of the
 * event it came from and an older event never overwrites it. At the same
 * second (Stripe's resolution) a later delivery wins, except that nothing
 * revives a canceled subscription.
 */
export async function syncSubscription(db: DbOrTx, event: TEventEnvelope, deleted: boolean): Promise<{ handled: boolean; accountId: string | null; applied: boolean }> {
  const parsed = ZSubscription.safeParse(event.data.object);
  if (!parsed.success) return { handled: false, accountId: null, applied: false };
  const sub = parsed.data;
  const accountId = await resolveAccountId(db, sub.metadata.accountId, sub.customer);
  const eventAt = fromUnix(event.created);
  const canceledAt = sub.canceled_at ?? (deleted ? (sub.ended_at ?? event.created) : null);
  const values = {
    id: sub.id,
    accountId,
    customerId: sub.customer ?? null,
    ...describePlan(sub),
    status: deleted ? "canceled" : sub.status,
    startedAt: fromUnix(sub.start_date ?? sub.created ?? event.created),
    canceledAt: canceledAt === null ? null : fromUnix(canceledAt),
    lastEventAt: eventAt,
  };
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  const rows = await db
    .insert(subscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: subscriptions.id,
      set: {
        accountId: sql`coalesce(${excluded("account_id")}, ${subscriptions.accountId})`,
        customerId: sql`coalesce(${excluded("customer_id")}, ${subscriptions.customerId})`,
        plan: excluded("plan"),
        amountCents: excluded("amount_cents"),
        currency: excluded("currency"),
        interval: excluded("interval"),
        intervalCount: excluded("interval_count"),
        status: excluded("status"),
        startedAt: excluded("started_at"),
        canceledAt: excluded("canceled_at"),
        lastEventAt: excluded("last_event_at"),
        updatedAt: sql`now()`,
      },
      setWhere: sql`${subscriptions.lastEventAt} < ${excluded("last_event_at")} or (${subscriptions.lastEventAt} = ${excluded("last_event_at")} and ${subscriptions.status} <> 'canceled')`,
    })
    .returning({ id: subscriptions.id });
  return { handled: true, accountId, applied: rows.length > 0 };
}
