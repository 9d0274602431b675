import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

// Prints the top self-time frames of a V8 .cpuprofile (`node --cpu-prof`, or the me bench's
// --profile DIR): by function, and by package, as shares of the non-idle samples.
// `tsx bench/cpu-profile-top.ts <file-or-dir> [--top 25] [--skip S]` (S: seconds of start-up to leave out); a dir means its largest profile (the main thread; tsx's loader thread writes a small one too).
const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "25" }, skip: { type: "string", default: "0" } } });
const target = positionals[0];
if (!target) throw new Error("usage: cpu-profile-top.ts <file.cpuprofile | dir> [--top N]");
const file = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith(".cpuprofile"))
      .map((f) => path.join(target, f))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0]
  : target;
if (!file) throw new Error(`no .cpuprofile in ${target}`);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map<number, number>();
const skipMicros = Number(args.skip) * 1e6;
let elapsed = 0;
profile.samples.forEach((s, i) => {
  elapsed += profile.timeDeltas[i] ?? 0;
  if (elapsed >= skipMicros) counts.set(s, (counts.get(s) ?? 0) + 1);
});

const packageOf = (url: string) => {
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m?.[1]) return m[1];
  if (url.startsWith("node:")) return "node";
  return url ? (/\/(apps|packages)\/([^/]+)/.exec(url)?.slice(1).join("/") ?? "other") : "(native)";
};
const fns = new Map<string, number>();
const pkgs = new Map<string, number>();
let total = 0;
for (const [id, n] of counts) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === "(idle)" || functionName === "(program)") continue;
  total += n;
  const where = url ? `${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(apps|packages|bench)\//, "$1/")}:${lineNumber + 1}` : "";
  const key = `${functionName || "(anonymous)"} ${where}`;
  fns.set(key, (fns.get(key) ?? 0) + n);
  const pkg = functionName.startsWith("(") ? functionName : packageOf(url);
  pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + n);
}
const top = Number(args.top);
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, n] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * n) / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`${file}: ${total} non-idle samples`);
print("self time by package", pkgs);
print("self time by function", fns);
