import { and, eq, gt, gte, isNull, lt, or, sql } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { Actor, ServiceContext } from "../shared/context.js";
import { TOPUP_RELATED_TYPE } from "./ledger.schema.js";
import { churn, isActiveAt, mrrAt } from "./metrics-calc.service.js";
import type { TMetricsSummary, TMetricsSummaryInput } from "./metrics.schema.js";
import { DAY_MS, resolveRange } from "./range.service.js";
import { authorizeStaff } from "../accounts/policy.service.js";

const { subscriptions, ledgerEntries } = schema;

/** Top-up credits per UTC day in [from, until). */
async function topupsByDay(ctx: ServiceContext, from: Date, until: Date): Promise<Map<string, number>> {
  const day = sql<string>`to_char(${ledgerEntries.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await ctx.db
    .select({ day, cents: sql<string>`sum(${ledgerEntries.amountCents})` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.type, "credit"), eq(ledgerEntries.relatedType, TOPUP_RELATED_TYPE), gte(ledgerEntries.createdAt, from), lt(ledgerEntries.createdAt, until)))
    .groupBy(day);
  return new Map(rows.map((r) => [r.day, Number(r.cents)]));
}

/**
 * Staff revenue summary over whole UTC days: MRR and active subscriptions at
 * the end of the range, ARR = 12 × MRR, churn among those active at its start,
 * Checkout top-up revenue, and a daily series for charts. All in cents.
 */
export async function metricsSummary(ctx: ServiceContext, actor: Actor, input: TMetricsSummaryInput): Promise<TMetricsSummary> {
  authorizeStaff(actor);
  const range = resolveRange(input, ctx.now());
  // Only subscriptions that overlap the range can matter.
  const subs = await ctx.db
    .select()
    .from(subscriptions)
    .where(and(lt(subscriptions.startedAt, range.until), or(isNull(subscriptions.canceledAt), gt(subscriptions.canceledAt, range.from))));
  const topups = await topupsByDay(ctx, range.from, range.until);
  const end = range.until.getTime() - 1;
  const mrr = mrrAt(subs, end);
  const c = churn(subs, range.from.getTime(), range.until.getTime());
  return {
    startDate: range.startDate,
    endDate: range.endDate,
    mrr,
    arr: 12 * mrr,
    churnRate: c.rate,
    activeSubscriptions: subs.filter((s) => isActiveAt(s, end)).length,
    activeAtStart: c.activeAtStart,
    canceledInRange: c.canceled,
    topupRevenueCents: [...topups.values()].reduce((a, b) => a + b, 0),
    series: range.days.map((day) => ({ day, mrr: mrrAt(subs, Date.parse(`${day}T00:00:00Z`) + DAY_MS - 1), topupCents: topups.get(day) ?? 0 })),
  };
}
