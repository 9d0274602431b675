import type { TResumeMatch, TScorePart, TSkillGroup } from "../analyzer.schema.js";
import { parsePosting } from "./posting.js";
import { readResume } from "./resume.js";
import { bm25 } from "./scoring.js";
import { findSkills, skillsIn, termsIn, tokenize } from "./skills.js";
import { coverage, sentencesOf, wordsOf } from "./embeddings/similarity.js";
import { wordVectors, type WordVectors } from "./embeddings/vectors.js";

/**
 * The match score's parts and their weights. Required skills weigh most: a
 * recruiter screens on them first. Years next: a posting's minimum is a hard
 * screen too, but being a year short is not being unqualified, so it counts in
 * proportion. Nice-to-haves only separate the qualified. The word overlap
 * (BM25) catches what no skill list names (the domain, the duties) and keeps
 * a posting without known skills scorable. A part the posting does not ask
 * for (no nice-to-haves, no years) drops out and the others keep their ratio,
 * so a perfect candidate for a short posting still reaches 100. Meaning
 * (word vectors) catches what neither skills nor shared words see: "kids and
 * newborns" for "infants and children", "closed the books" for "month-end
 * close"; it is a part of its own, so a posting in any field is scored on
 * more than its vocabulary skills. Years count
 * only once a required skill is there: ten years as a pastry chef are not
 * years of backend work, and would otherwise lift every unrelated résumé.
 */
export const WEIGHTS = { required: 0.35, years: 0.175, niceToHave: 0.07, text: 0.105, meaning: 0.3 } as const;
const LABELS: Record<keyof typeof WEIGHTS, string> = { required: "Required skills", years: "Years of experience", niceToHave: "Nice-to-have skills", text: "Wording overlap", meaning: "Meaning (word vectors)" };

export const FORMULA =
  "score = 100 × Σ weight × value over the parts the posting asks for; weights required 0.35, years 0.175, nice-to-have 0.07, wording 0.105, meaning 0.30, rescaled to sum to 1 when a part does not apply. " +
  "required = groups satisfied / groups (\"Go or Java\" is one group), nice-to-have likewise, years = min(1, found / required) once a required skill matches (else 0), wording = BM25 of the posting against the résumé / the posting against itself, " +
  "meaning = mean over the requirement sentences of the best cosine with a résumé sentence (SIF-weighted word vectors), mapped from 0.55..0.85 to 0..1.";

const round2 = (x: number) => Math.round(x * 100) / 100;
const groupsAgainst = (groups: string[][], have: Set<string>): TSkillGroup[] => groups.map((anyOf) => ({ anyOf, matchedBy: anyOf.find((s) => have.has(s)) ?? null }));
const covered = (groups: TSkillGroup[]) => groups.filter((g) => g.matchedBy).length;
const name = (g: TSkillGroup) => g.anyOf.join(" or ");

function yearsPart(needed: number, found: number | null, inField: boolean): [keyof typeof WEIGHTS, number, string] {
  if (!inField) return ["years", 0, `${found ?? "no"} years, not counted: no required skill matched (${needed} asked)`];
  return ["years", Math.min(1, (found ?? 0) / needed), `${found ?? "no"} of ${needed} years`];
}

/** BM25 of the posting's terms (stems, as the skills are matched) against the résumé, normalized by the posting scored against itself: 0..1. */
function wording(rTerms: string[], jTerms: string[]): number {
  const corpus = [rTerms, jTerms];
  const self = bm25(jTerms, jTerms, corpus) || 1;
  return Math.min(1, bm25(jTerms, rTerms, corpus) / self);
}

/** Cosines below this are what any two English sentences share; above MEANING_FULL a requirement is restated. */
const MEANING_FLOOR = 0.55;
const MEANING_FULL = 0.85;

/**
 * A requirement's words for the meaning part: its content words minus the skills the vocabulary
 * names (the skills part judges those already, and "gRPC" is no word of 2014's news vectors).
 * A requirement left with fewer than two known words ("Kubernetes", "TypeScript and Go") drops out.
 */
function requirementWords(v: WordVectors, phrase: string): string[] | null {
  const tokens = tokenize(phrase);
  const skill = new Set(findSkills(tokens).flatMap((m) => Array.from({ length: m.end - m.start }, (_, k) => m.start + k)));
  const words = tokens.flatMap((t, i) => (t.term && !skill.has(i) ? wordsOf(t.norm) : []));
  return words.filter((w) => v.rank.has(w)).length >= 2 ? words : null;
}

/** The meaning part, when the word vectors are there (the build writes them) and the posting asks for something in words. */
function meaningPart(requirements: string[], resume: string): [keyof typeof WEIGHTS, number, string] | null {
  const v = wordVectors();
  if (!v) return null;
  const reqs = requirements.map((r) => requirementWords(v, r)).filter((w) => w !== null);
  if (!reqs.length) return null;
  const cov = coverage(v, reqs, sentencesOf(resume).map(wordsOf));
  if (cov === null) return null;
  const value = Math.max(0, Math.min(1, (cov - MEANING_FLOOR) / (MEANING_FULL - MEANING_FLOOR)));
  return ["meaning", value, `requirements restated in the résumé's own words: similarity ${round2(cov)}`];
}

/** Scores a résumé against a posting by the formula above and says how each part was reached. */
export function matchResume(resume: string, jd: string, now: Date): TResumeMatch {
  const posting = parsePosting(jd);
  const cv = readResume(resume, now);
  const have = new Set(skillsIn(resume));
  const required = groupsAgainst(posting.required, have);
  const niceToHave = groupsAgainst(posting.niceToHave, have);
  const found = cv.years;
  const values: Array<[keyof typeof WEIGHTS, number, string] | null> = [
    required.length ? ["required", covered(required) / required.length, `${covered(required)} of ${required.length} required`] : null,
    posting.minYears ? yearsPart(posting.minYears, found, required.length === 0 || covered(required) > 0) : null,
    niceToHave.length ? ["niceToHave", covered(niceToHave) / niceToHave.length, `${covered(niceToHave)} of ${niceToHave.length} nice-to-have`] : null,
    ["text", wording(termsIn(resume), posting.terms), "the posting's words in the résumé (BM25)"],
    meaningPart(posting.phrases, resume),
  ];
  const applicable = values.filter((v) => v !== null);
  const total = applicable.reduce((s, [k]) => s + WEIGHTS[k], 0);
  const parts: TScorePart[] = applicable.map(([key, value, detail]) => {
    const weight = WEIGHTS[key] / total;
    return { key, label: LABELS[key], weight: round2(weight), value: round2(value), points: round2(100 * weight * value), detail };
  });
  const score = Math.round(applicable.reduce((s, [k, v]) => s + (100 * WEIGHTS[k] * v) / total, 0));
  const alternatives = required.filter((g) => g.anyOf.length > 1 && g.matchedBy).map((g) => `${g.matchedBy} for ${name(g)}`);
  const missing = required.filter((g) => !g.matchedBy).map(name);
  const said = parts.filter((p) => p.key !== "text" && p.key !== "meaning").map((p) => p.detail);
  const scoredOn = parts.some((p) => p.key === "meaning") ? "wording and meaning" : "wording";
  const summary =
    `${score}/100: ${said.length ? said.join(", ") : `no skills or years named in the posting, scored on ${scoredOn}`}` +
    `${alternatives.length ? ` (${alternatives.join("; ")})` : ""}${missing.length ? `; missing ${missing.join(", ")}` : ""}.`;
  return {
    score,
    matchedSkills: [...required, ...niceToHave].flatMap((g) => (g.matchedBy ? [g.matchedBy] : [])),
    missingSkills: missing,
    summary,
    breakdown: { formula: FORMULA, parts, required, niceToHave, years: { required: posting.minYears, found } },
  };
}
