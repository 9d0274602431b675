import { describe, expect, it } from "vitest";
import { rangesIn, yearsCovered, yearsIn } from "./years.js";

const NOW = new Date("2026-06-01T00:00:00Z");

describe("years of experience", () => {
  it("reads '5+ years', 'three years', the lower bound of '3-5 years', and not 'founded 10 years ago'", () => {
    expect(yearsIn("5+ years of Go; at least three years on call; 3-5 years with AWS; founded 10 years ago").map((y) => y.years)).toEqual([5, 3, 3]);
  });

  it("reads date ranges with or without months, 'present' as today, and counts overlapping jobs once", () => {
    const ranges = rangesIn("Acme (2016 - 2019); Initech, October 2018 to Present; Jan 2017 – Mar 2017", NOW);
    expect(ranges.map((r) => [r.start, r.end])).toEqual([["2016", "2019"], ["October 2018", "Present"], ["Jan 2017", "Mar 2017"]]);
    // 2016-01 … 2026-06, one stretch: the 2017 job and the 2018 overlap add nothing.
    expect(yearsCovered(ranges)).toBe(10.4);
  });

  it("ignores a range that runs backwards", () => {
    expect(rangesIn("2020 - 2010", NOW)).toEqual([]);
  });
});
