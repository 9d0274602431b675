import type { WordVectors } from "./vectors.js";

/**
 * SIF weighting (Arora et al., "A simple but tough-to-beat baseline for
 * sentence embeddings"): a word counts a / (a + p(w)), so "experience" or
 * "team" barely move a sentence and "pediatric" does. p(w) comes from the
 * word's frequency rank by Zipf's law (p ≈ 1 / (rank × H), H ≈ ln 341K + γ).
 */
const SIF_A = 1e-3;
const ZIPF_H = Math.log(341_479) + 0.5772;
const weightOf = (rank: number) => SIF_A / (SIF_A + 1 / ((rank + 1) * ZIPF_H));

/** Lower-case words as the vectors know them; "micro-interactions" is micro + interactions. */
export const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z0-9][a-z0-9+#']*/g) ?? [];

/** A résumé's sentences: its lines without bullets, split at sentence ends. */
export const sentencesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-*•·▪●◦]\s*/, "").trim())
    .filter(Boolean)
    .flatMap((l) => l.split(/(?<=[.;!?])\s+/));

/** A phrase as the SIF-weighted mean of its known words' unit vectors; null when no word is known. */
export function embed(v: WordVectors, words: string[]): Float32Array | null {
  const out = new Float32Array(v.dims);
  let total = 0;
  for (const raw of words) {
    const r = v.rank.get(raw.toLowerCase());
    if (r === undefined) continue;
    const w = weightOf(r) * (v.scales[r] ?? 0);
    for (let d = 0; d < v.dims; d++) out[d] = (out[d] ?? 0) + w * (v.q[r * v.dims + d] ?? 0);
    total += weightOf(r);
  }
  return total > 0 ? out : null;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * How well a résumé covers a posting's requirements, by meaning: each
 * requirement phrase takes its best cosine against the résumé's sentences, and
 * the mean of those is the coverage (−1..1; unrelated English text sits around
 * 0.3–0.5, a requirement the résumé restates in other words 0.8+). Null when
 * either side has no known words.
 */
export function coverage(v: WordVectors, requirements: string[][], sentences: string[][]): number | null {
  const reqs = requirements.map((r) => embed(v, r)).filter((x): x is Float32Array => x !== null);
  const sents = sentences.map((s) => embed(v, s)).filter((x): x is Float32Array => x !== null);
  if (!reqs.length || !sents.length) return null;
  const best = reqs.map((r) => Math.max(...sents.map((s) => cosine(r, s))));
  return best.reduce((s, x) => s + x, 0) / best.length;
}
