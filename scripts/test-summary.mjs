// Prints where the time went (each stage of scripts/test.sh, the slowest files of each report), then one
// closing line over every vitest JSON report: "tests: N passed, N failed".
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
const files = process.argv.slice(2);
const stages = files[0] ? path.join(path.dirname(files[0]), "stages.txt") : "";
if (stages && existsSync(stages)) console.log(`wall time per stage: ${readFileSync(stages, "utf8").trim().split("\n").join(", ")}`);
for (const file of files) {
  const r = JSON.parse(readFileSync(file, "utf8"));
  const slowest = r.testResults
    .map((t) => ({ s: (t.endTime - t.startTime) / 1000, name: path.relative(process.cwd(), t.name) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 5);
  console.log(`slowest files in ${path.basename(file)}: ${slowest.map((t) => `${t.name} ${t.s.toFixed(1)} s`).join(", ")}`);
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
