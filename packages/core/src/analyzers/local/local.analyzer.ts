import type { Analyzed, Analyzer, AnalyzerCall } from "../analyzer.js";
import { estimateTokens } from "../analyzer.js";
import type { TWorklogSummary } from "../analyzer.schema.js";
import { toBullet } from "./bullet.js";
import { analyzeDocument } from "./document.js";
import { ensureWordVectors } from "./embeddings/vectors.js";
import { matchResume } from "./match.js";
import { parseResumeProfile } from "./profile.js";
import { summarize } from "./scoring.js";
import { readText, type Sentence } from "./text.js";

const MODEL = "local";

function call(started: number, input: string, output: unknown): AnalyzerCall {
  return { provider: "local", model: MODEL, inputTokens: estimateTokens(input), outputTokens: estimateTokens(JSON.stringify(output)), latencyMs: Date.now() - started, attempts: 1 };
}

const ACTION_VERBS = new Set(
  "build built ship shipped launch launched lead led reduce reduced improve improved increase increased fix fixed migrate migrated design designed implement implemented automate automated deliver delivered create created refactor refactored optimize optimized mentor mentored resolve resolved deploy deployed write wrote add added release released cut speed sped".split(" "),
);

/** A worklog line is an achievement when it acts (a verb we know, or a number as an outcome). */
function achievementScore(s: Sentence): number {
  const words = s.text.toLowerCase().match(/[a-z]+/g) ?? [];
  const verbs = words.filter((x) => ACTION_VERBS.has(x)).length;
  const outcome = /\d/.test(s.text) ? 1 : 0;
  return verbs * 2 + outcome + (s.pos.includes("VERB") ? 0.5 : 0);
}

/** Offline NLP (wink-nlp): free, deterministic, no network. `now` dates "2019 – present" (tests fix it). */
export function createLocalAnalyzer(opts: { now?: () => Date } = {}): Analyzer {
  const now = opts.now ?? (() => new Date());
  return {
    name: "local",
    model: MODEL,
    analyzeDocument: async (text, known) => {
      const started = Date.now();
      const result = analyzeDocument(text, now(), known);
      return { result, calls: [call(started, text, result)] };
    },
    matchResume: async (resume, jd) => {
      await ensureWordVectors();
      const started = Date.now();
      const result = matchResume(resume, jd, now());
      return { result, calls: [call(started, resume + jd, result)] };
    },
    parseResume: async (text) => {
      const started = Date.now();
      const result = parseResumeProfile(text, now());
      return { result, calls: [call(started, text, result)] };
    },
    summarizeWorklog: async (text): Promise<Analyzed<TWorklogSummary>> => {
      const started = Date.now();
      // Worklogs are often one entry a line without periods: treat lines as sentences too.
      const { sentences, sentiment } = readText(text.split(/\n+/).map((l) => l.replace(/^[-*•\s]+/, "").trim()).filter(Boolean).map((l) => (/[.!?]$/.test(l) ? l : `${l}.`)).join("\n"));
      const bullets = sentences
        .map((s, i) => ({ s, i, score: achievementScore(s) }))
        .filter((x) => x.score >= 2)
        .sort((a, b) => b.score - a.score || a.i - b.i)
        .slice(0, 8)
        .sort((a, b) => a.i - b.i)
        .map((x) => toBullet(x.s.text));
      const result = { bullets, summary: summarize(sentences, 2), sentiment };
      return { result, calls: [call(started, text, result)] };
    },
  };
}
