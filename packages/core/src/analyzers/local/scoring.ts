import type { Sentence } from "./text.js";

/**
 * Keywords by TF-IDF with the document's sentences as the corpus: a term used
 * often, but not in every sentence, says what this text is about.
 */
export function keywords(sentences: Sentence[], max = 10): string[] {
  const tf = new Map<string, number>();
  const df = new Map<string, number>();
  for (const s of sentences) {
    for (const t of s.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of new Set(s.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, sentences.length);
  return [...tf.entries()]
    .filter(([t]) => /[a-z]/.test(t))
    .map(([t, f]) => [t, f * (1 + Math.log((n + 1) / ((df.get(t) ?? 0) + 1)))] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([t]) => t);
}

/**
 * Extractive summary, TextRank-style: sentences are nodes, word overlap is the
 * edge weight, a few power iterations rank them; the top ones in text order.
 */
export function summarize(sentences: Sentence[], max = 3): string {
  const n = sentences.length;
  if (n <= max) return sentences.map((s) => s.text).join(" ");
  const sets = sentences.map((s) => new Set(s.terms));
  const w = sets.map((a, i) =>
    sets.map((b, j) => {
      if (i === j || a.size < 2 || b.size < 2) return 0;
      let common = 0;
      for (const t of a) if (b.has(t)) common++;
      return common / (Math.log(a.size) + Math.log(b.size));
    }),
  );
  const out = w.map((row) => row.reduce((s, x) => s + x, 0));
  let rank = new Array<number>(n).fill(1);
  for (let it = 0; it < 20; it++) {
    rank = rank.map((_, i) => 0.15 + 0.85 * w.reduce((s, row, j) => s + (out[j] ? ((row[i] ?? 0) / (out[j] ?? 1)) * (rank[j] ?? 0) : 0), 0));
  }
  const top = rank
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i);
  return top.map(({ i }) => sentences[i]?.text ?? "").join(" ");
}

/** Okapi BM25 of a query's terms against one document, given the corpus stats (k1 1.2, b 0.75). */
export function bm25(query: string[], doc: string[], corpus: string[][], k1 = 1.2, b = 0.75): number {
  const avgdl = corpus.reduce((s, d) => s + d.length, 0) / Math.max(1, corpus.length);
  const tf = new Map<string, number>();
  for (const t of doc) tf.set(t, (tf.get(t) ?? 0) + 1);
  let score = 0;
  for (const q of new Set(query)) {
    const df = corpus.filter((d) => d.includes(q)).length;
    const idf = Math.log(1 + (corpus.length - df + 0.5) / (df + 0.5));
    const f = tf.get(q) ?? 0;
    score += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * doc.length) / Math.max(1, avgdl)));
  }
  return score;
}
