import { describe, expect, it } from "vitest";
import { churn, monthlyRecurringCents, mrrAt, type SubscriptionFacts } from "./metrics-calc.service.js";

const at = (s: string) => new Date(s);
const sub = (o: Partial<SubscriptionFacts> & Pick<SubscriptionFacts, "amountCents" | "interval">): SubscriptionFacts => ({
  intervalCount: 1,
  status: "active",
  startedAt: at("2025-01-01T00:00:00Z"),
  canceledAt: null,
  ...o,
});

describe("revenue arithmetic", () => {
  it("normalizes every interval to a month, rounding the sum once", () => {
    expect(monthlyRecurringCents([sub({ amountCents: 2900, interval: "month" })])).toBe(2900);
    // 12,000 / 12 = 1,000
    expect(monthlyRecurringCents([sub({ amountCents: 12_000, interval: "year" })])).toBe(1000);
    // 1,000 × 52 / 12 = 4,333.33 → 4,333
    expect(monthlyRecurringCents([sub({ amountCents: 1000, interval: "week" })])).toBe(4333);
    // 100 × 365 / 12 = 3,041.67 → 3,042
    expect(monthlyRecurringCents([sub({ amountCents: 100, interval: "day" })])).toBe(3042);
    // Every 3 months 9,000 → 3,000 a month.
    expect(monthlyRecurringCents([sub({ amountCents: 9000, interval: "month", intervalCount: 3 })])).toBe(3000);
    // Two yearly 6-cent plans: 0.5 + 0.5 = 1 (rounding each would give 2).
    expect(monthlyRecurringCents([sub({ amountCents: 6, interval: "year" }), sub({ amountCents: 6, interval: "year" })])).toBe(1);
    expect(monthlyRecurringCents([sub({ amountCents: 6, interval: "year" })])).toBe(1); // 0.5 rounds up
  });

  it("counts a subscription from its start until its cancellation, and never trials or incomplete ones", () => {
    const subs = [
      sub({ amountCents: 1000, interval: "month", startedAt: at("2025-03-10T00:00:00Z"), canceledAt: at("2025-03-20T12:00:00Z"), status: "canceled" }),
      sub({ amountCents: 500, interval: "month", status: "trialing" }),
      sub({ amountCents: 500, interval: "month", status: "incomplete" }),
      sub({ amountCents: 700, interval: "month", status: "past_due" }),
    ];
    expect(mrrAt(subs, Date.parse("2025-03-09T23:59:59Z"))).toBe(700);
    expect(mrrAt(subs, Date.parse("2025-03-15T00:00:00Z"))).toBe(1700);
    expect(mrrAt(subs, Date.parse("2025-03-20T12:00:00Z"))).toBe(700);
  });

  it("churn: of those paying at the start, the share canceled before the end", () => {
    const subs = [
      sub({ amountCents: 1, interval: "month", canceledAt: at("2025-03-05T00:00:00Z") }), // churned in range
      sub({ amountCents: 1, interval: "month" }),
      sub({ amountCents: 1, interval: "month" }),
      sub({ amountCents: 1, interval: "month", canceledAt: at("2025-04-05T00:00:00Z") }), // after the range
      sub({ amountCents: 1, interval: "month", startedAt: at("2025-03-02T00:00:00Z"), canceledAt: at("2025-03-03T00:00:00Z") }), // not there at the start
    ];
    expect(churn(subs, Date.parse("2025-03-01T00:00:00Z"), Date.parse("2025-04-01T00:00:00Z"))).toEqual({ activeAtStart: 4, canceled: 1, rate: 0.25 });
    expect(churn([], 0, 1)).toEqual({ activeAtStart: 0, canceled: 0, rate: 0 });
  });
});
