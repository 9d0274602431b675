import { describe, expect, it } from "vitest";
import { BACKEND_POSTING } from "./fixtures/postings.js";
import { BACKEND_GOOD, BACKEND_YEARS_SHORT } from "./fixtures/resumes.js";
import { matchResume } from "./match.js";

const NOW = new Date("2026-06-01T00:00:00Z");

describe("match score and its explanation (issue 10, item 7)", () => {
  it("counts 'Go or Java' and 'AWS or GCP' as one requirement each: Go and AWS miss nothing", () => {
    const m = matchResume(BACKEND_GOOD, BACKEND_POSTING, NOW);
    expect(m.missingSkills).toEqual([]);
    expect(m.breakdown?.required).toEqual(
      expect.arrayContaining([
        { anyOf: ["Go", "Java"], matchedBy: "Go" },
        { anyOf: ["AWS", "GCP"], matchedBy: "AWS" },
      ]),
    );
    expect(m.summary).toContain("Go for Go or Java");
  });

  it("says the score it shows: the summary starts with the score and counts requirement groups, not skills", () => {
    const m = matchResume(BACKEND_YEARS_SHORT, BACKEND_POSTING, NOW);
    const groups = m.breakdown?.required.length ?? 0;
    expect(m.summary.startsWith(`${m.score}/100: `)).toBe(true);
    expect(m.summary).toContain(`${groups} of ${groups} required`);
    expect(m.summary).toContain("2 of 5 years");
  });

  it("keeps nice-to-haves out of the required list and out of the missing skills", () => {
    const posting = "Backend engineer.\nRequirements\n- TypeScript\nNice to have\n- Kafka\n- GraphQL";
    const m = matchResume("Engineer. Skills: TypeScript.", posting, NOW);
    expect(m.breakdown?.required.map((g) => g.anyOf)).toEqual([["TypeScript"]]);
    expect(m.breakdown?.niceToHave.map((g) => g.anyOf)).toEqual([["Kafka"], ["GraphQL"]]);
    expect(m.missingSkills).toEqual([]);
    const withNice = matchResume("Engineer. Skills: TypeScript, Kafka, GraphQL.", posting, NOW);
    expect(withNice.score).toBeGreaterThan(m.score);
  });

  it("credits 'mentored 6 engineers' for Mentoring and sees gRPC, Prometheus and OpenTelemetry", () => {
    const m = matchResume("Mentored 6 engineers. Built gRPC APIs with Prometheus metrics and OpenTelemetry traces.", "Requirements: mentoring, gRPC, Prometheus, OpenTelemetry.", NOW);
    expect(m.matchedSkills).toEqual(["Mentoring", "gRPC", "Prometheus", "OpenTelemetry"]);
    expect(m.score).toBeGreaterThanOrEqual(70);
  });

  it("reads years: required from the posting, found from the résumé's dates, short ones cost points", () => {
    const short = matchResume(BACKEND_YEARS_SHORT, BACKEND_POSTING, NOW);
    const enough = matchResume(BACKEND_YEARS_SHORT.replace("(2024 - 2026)", "(2019 - 2026)"), BACKEND_POSTING, NOW);
    expect(short.breakdown?.years).toEqual({ required: 5, found: 2 });
    expect(enough.breakdown?.years).toEqual({ required: 5, found: 7 });
    expect(enough.score).toBeGreaterThan(short.score);
    expect(short.breakdown?.parts.find((p) => p.key === "years")).toMatchObject({ value: 0.4 });
  });

  it("drops a part the posting does not ask for and rescales the rest, so a full match of a short posting is near 100", () => {
    const m = matchResume("Jane. TypeScript and PostgreSQL engineer.", "TypeScript and PostgreSQL engineer.", NOW);
    expect(m.breakdown?.parts.map((p) => p.key)).toEqual(["required", "text"]);
    expect(m.score).toBeGreaterThanOrEqual(90);
  });

  it("scores a posting without any known skill on wording and meaning, without dividing by zero", () => {
    const m = matchResume("I restore antique clocks.", "We want someone who restores antique clocks.", NOW);
    expect(m.breakdown?.parts.map((p) => p.key)).toEqual(["text", "meaning"]);
    expect(m.score).toBeGreaterThan(0);
    expect(m.summary).toContain("scored on wording and meaning");
  });
});
