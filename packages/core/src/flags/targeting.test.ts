import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZFlagTargeting } from "./flags.schema.js";
import { evaluateTargeting, rolloutBucket } from "./targeting.js";

const ids = Array.from({ length: 10_000 }, () => randomUUID());

describe("flag targeting", () => {
  it("spreads a percentage rollout over accounts within a tolerance (10k ids)", () => {
    for (const percentage of [5, 25, 50, 90]) {
      const t = ZFlagTargeting.parse({ default: false, rollout: { percentage, value: true } });
      const on = ids.filter((accountId) => evaluateTargeting("new-editor", t, { accountId }).value === true).length;
      // Binomial spread at n = 10k is at most ±0.5 percentage points per σ; 2 points is > 4σ.
      expect(Math.abs((on / ids.length) * 100 - percentage)).toBeLessThan(2);
    }
  });

  it("keeps an account in its bucket, adds accounts as the percentage grows, and buckets flags independently", () => {
    const at = (p: number) => new Set(ids.filter((a) => rolloutBucket("new-editor", a) < p));
    const ten = at(10);
    const thirty = at(30);
    expect([...ten].every((a) => thirty.has(a))).toBe(true);
    expect(at(10)).toEqual(ten);
    const otherFlag = new Set(ids.filter((a) => rolloutBucket("other-flag", a) < 10));
    const both = [...ten].filter((a) => otherFlag.has(a)).length;
    // Independent 10% samples overlap on about 1% of accounts, not on all of the 10%.
    expect(both / ids.length).toBeLessThan(0.02);
  });

  it("takes the first matching rule, then the rollout, then the default", () => {
    const account = randomUUID();
    const org = randomUUID();
    const t = ZFlagTargeting.parse({
      default: "default",
      rules: [
        { match: { organizationId: org, role: "admin" }, value: "org-admins" },
        { match: { accountId: [randomUUID(), account] }, value: "account" },
      ],
      rollout: { percentage: 100, value: "rollout" },
    });
    expect(evaluateTargeting("k", t, { accountId: account, organizationIds: [org], roles: ["admin"] })).toMatchObject({ value: "org-admins", reason: "TARGETING_MATCH" });
    expect(evaluateTargeting("k", t, { accountId: account, organizationIds: [org], roles: ["member"] }).value).toBe("account");
    expect(evaluateTargeting("k", t, { accountId: randomUUID() })).toMatchObject({ value: "rollout", reason: "SPLIT" });
    expect(evaluateTargeting("k", t, {})).toMatchObject({ value: "default", reason: "DEFAULT" });
  });
});
