import { describe, expect, it } from "vitest";
import { ZResumeMatch } from "../analyzer.schema.js";
import { BACKEND_POSTING, NURSING_POSTING, SALES_POSTING } from "./fixtures/postings.js";
import * as cv from "./fixtures/resumes.js";
import { matchResume } from "./match.js";

/**
 * The labelled set: résumé/posting pairs with the band a recruiter would put
 * them in, and the order they must come out in. Bands: good ≥ 70, partial
 * 35–69, unrelated < 25.
 */
const NOW = new Date("2026-06-01T00:00:00Z");
const score = (resume: string, posting: string) => matchResume(resume, posting, NOW).score;

const GOOD = [70, 100] as const;
const PARTIAL = [35, 69] as const;
const UNRELATED = [0, 24] as const;
const LABELLED: Array<[string, string, string, readonly [number, number]]> = [
  ["good fit", cv.BACKEND_GOOD, BACKEND_POSTING, GOOD],
  ["the other alternatives (Java, GCP)", cv.BACKEND_ALTERNATIVES, BACKEND_POSTING, GOOD],
  ["partial: 2 of 5 required", cv.BACKEND_PARTIAL, BACKEND_POSTING, PARTIAL],
  ["every skill, 2 of 5 years", cv.BACKEND_YEARS_SHORT, BACKEND_POSTING, PARTIAL],
  ["nice-to-haves only", cv.BACKEND_NICE_ONLY, BACKEND_POSTING, UNRELATED],
  ["pastry chef for a backend job", cv.PASTRY_CHEF, BACKEND_POSTING, UNRELATED],
  ["nurse for a nursing job", cv.NURSE, NURSING_POSTING, GOOD],
  ["salesperson for a sales job", cv.SALESPERSON, SALES_POSTING, GOOD],
  ["nurse for a backend job", cv.NURSE, BACKEND_POSTING, UNRELATED],
  ["backend engineer for a nursing job", cv.BACKEND_GOOD, NURSING_POSTING, UNRELATED],
  ["salesperson for a nursing job", cv.SALESPERSON, NURSING_POSTING, UNRELATED],
  ["nurse for a sales job", cv.NURSE, SALES_POSTING, UNRELATED],
  ["backend engineer for a sales job", cv.BACKEND_ALTERNATIVES, SALES_POSTING, UNRELATED],
];

describe("the labelled match set", () => {
  it.each(LABELLED)("%s lands in its band", (_label, resume, posting, [lo, hi]) => {
    const s = score(resume, posting);
    expect(s).toBeGreaterThanOrEqual(lo);
    expect(s).toBeLessThanOrEqual(hi);
  });

  it("orders the backend candidates good > alternatives > years short > partial > nice-to-have only > unrelated", () => {
    const order = [cv.BACKEND_GOOD, cv.BACKEND_ALTERNATIVES, cv.BACKEND_YEARS_SHORT, cv.BACKEND_PARTIAL, cv.BACKEND_NICE_ONLY, cv.PASTRY_CHEF].map((r) => score(r, BACKEND_POSTING));
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(new Set(order.slice(0, 5)).size).toBe(5);
  });

  it("ranks each profession first for its own posting", () => {
    for (const [own, posting] of [[cv.NURSE, NURSING_POSTING], [cv.SALESPERSON, SALES_POSTING], [cv.BACKEND_GOOD, BACKEND_POSTING]] as const) {
      const others = [cv.NURSE, cv.SALESPERSON, cv.BACKEND_GOOD, cv.PASTRY_CHEF].filter((r) => r !== own);
      for (const other of others) expect(score(own, posting)).toBeGreaterThan(score(other, posting) + 40);
    }
  });

  it("is a valid result for the shared contract, with a score equal to the sum of its shown parts", () => {
    for (const [, resume, posting] of LABELLED) {
      const m = ZResumeMatch.parse(matchResume(resume, posting, NOW));
      const parts = m.breakdown?.parts ?? [];
      expect(Math.abs(parts.reduce((s, p) => s + p.points, 0) - m.score)).toBeLessThanOrEqual(0.6);
      expect(parts.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 1);
    }
  });
});
