import { readFileSync } from "node:fs";
import path from "node:path";

// Prints a .cpuprofile's heaviest frames by self time, and by package (node_modules
// name, our workspace folder, or node's internals), as a share of all samples.
// Usage: tsx bench/top-frames.ts <file.cpuprofile> [count]
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, count = "25"] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/top-frames.ts <file.cpuprofile> [count]");
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const hits = new Map<number, number>();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);

const packageOf = (url: string) => {
  if (!url) return "(native/gc/idle)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith("node:")) return "node:internals";
  const m = /\/(apps|packages)\/([^/]+)\//.exec(url);
  return m ? `${m[1]}/${m[2]}` : path.basename(url);
};

const frames = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, n] of hits) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || "(anonymous)"}  ${url ? `${path.basename(url)}:${lineNumber + 1}` : ""}  [${packageOf(url)}]`;
  frames.set(key, (frames.get(key) ?? 0) + n);
  packages.set(packageOf(url), (packages.get(packageOf(url)) ?? 0) + n);
}
const total = profile.samples.length;
const top = (m: Map<string, number>, k: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, n]) => `${((100 * n) / total).toFixed(1).padStart(5)}%  ${name}`).join("\n");
console.log(`${total} samples\n\nby package (self time):\n${top(packages, 15)}\n\ntop frames (self time):\n${top(frames, Number(count))}`);
