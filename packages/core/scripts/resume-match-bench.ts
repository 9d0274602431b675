// The résumé matcher on its labelled set (packages/core/.../fixtures/match-bench.ts): for each of the
// 8 postings, all 8 résumés are ranked; precision@1 is how often the right one comes first, the
// spread how far it stands above the best wrong one (and above the near miss of the same field).
// Run BEFORE (no word vectors: skills + BM25 only) and AFTER (with them), in one process.
// `pnpm bench:match` (after `pnpm build`, which writes the vectors)
import { POSTINGS, RESUMES, ROLES, SIBLING } from "../src/analyzers/local/fixtures/match-bench.js";
import { setWordVectors, wordVectors } from "../src/analyzers/local/embeddings/vectors.js";
import { matchResume } from "../src/analyzers/local/match.js";

const NOW = new Date("2026-06-01T00:00:00Z");

function measure(label: string) {
  let hits = 0;
  const gaps: number[] = [];
  const siblingGaps: number[] = [];
  const rows: string[] = [];
  for (const p of ROLES) {
    const scores = ROLES.map((r) => ({ r, s: matchResume(RESUMES[r], POSTINGS[p], NOW).score }));
    scores.sort((a, b) => b.s - a.s);
    const right = scores.find((x) => x.r === p)?.s ?? 0;
    const bestWrong = Math.max(...scores.filter((x) => x.r !== p).map((x) => x.s));
    const sibling = scores.find((x) => x.r === SIBLING[p])?.s ?? 0;
    // A tie at the top is not a hit: a recruiter would not know whom to call first.
    if (scores[0]?.r === p && right > bestWrong) hits++;
    gaps.push(right - bestWrong);
    siblingGaps.push(right - sibling);
    rows.push(`  ${p.padEnd(18)} right ${String(right).padStart(3)}  near miss ${String(sibling).padStart(3)}  best wrong ${String(bestWrong).padStart(3)}  top: ${scores[0]?.r}`);
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(`${label}\n${rows.join("\n")}`);
  console.log(`  precision@1 ${hits}/${ROLES.length} = ${(hits / ROLES.length).toFixed(2)}; spread (right − best wrong) mean ${mean(gaps).toFixed(1)}, min ${Math.min(...gaps)}; right − near miss mean ${mean(siblingGaps).toFixed(1)}\n`);
}

setWordVectors(null);
measure("BEFORE (skills + BM25 + years)");
setWordVectors(undefined);
if (!wordVectors()) throw new Error("no word vectors: run `pnpm --filter @atrium/core build` first");
measure("AFTER (+ word-vector similarity of requirements vs résumé sentences)");
