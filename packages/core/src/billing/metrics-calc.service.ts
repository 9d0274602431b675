/** Revenue arithmetic on subscription facts, kept pure so tests can check it by hand. */

export interface SubscriptionFacts {
  amountCents: number;
  interval: string;
  intervalCount: number;
  status: string;
  startedAt: Date;
  canceledAt: Date | null;
}

/** Billing periods per year; a period of `intervalCount` intervals costs `amountCents`. */
const PERIODS_PER_YEAR: Record<string, number> = { day: 365, week: 52, month: 12, year: 1 };

/**
 * Statuses that never brought (or no longer bring) revenue. The history is
 * rebuilt from started/canceled times with today's status, so a subscription
 * unpaid today drops out of past days too: a simplification we accept.
 */
const NON_REVENUE = new Set(["incomplete", "incomplete_expired", "trialing", "paused", "unpaid"]);

/** Paying at instant t: started at or before t and not yet canceled (periods are [startedAt, canceledAt)). */
export function isActiveAt(s: SubscriptionFacts, t: number): boolean {
  if (NON_REVENUE.has(s.status) || !(s.interval in PERIODS_PER_YEAR)) return false;
  if (s.status === "canceled" && !s.canceledAt) return false;
  return s.startedAt.getTime() <= t && (s.canceledAt === null || s.canceledAt.getTime() > t);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Sum of monthly-normalized amounts (amount × periods per year ÷ 12 ÷
 * intervalCount), added as exact fractions over a common denominator and
 * rounded half up to a cent once at the end.
 */
export function monthlyRecurringCents(subs: SubscriptionFacts[]): number {
  const counts = subs.map((s) => Math.max(1, s.intervalCount));
  const lcm = counts.reduce((l, c) => (l * c) / gcd(l, c), 1);
  const denominator = 12 * lcm;
  const numerator = subs.reduce((sum, s, i) => sum + s.amountCents * (PERIODS_PER_YEAR[s.interval] ?? 0) * (lcm / (counts[i] ?? 1)), 0);
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export const mrrAt = (subs: SubscriptionFacts[], t: number) => monthlyRecurringCents(subs.filter((s) => isActiveAt(s, t)));

/** Churn over [from, until): of those paying at `from`, the share canceled before `until`. */
export function churn(subs: SubscriptionFacts[], from: number, until: number): { activeAtStart: number; canceled: number; rate: number } {
  const atStart = subs.filter((s) => isActiveAt(s, from));
  const canceled = atStart.filter((s) => s.canceledAt !== null && s.canceledAt.getTime() < until).length;
  const rate = atStart.length ? Math.round((canceled / atStart.length) * 10_000) / 10_000 : 0;
  return { activeAtStart: atStart.length, canceled, rate };
}
