// The compiled build of a server-side workspace package: plain ESM for Node, one file per
// entry (shared code in chunks), every bare import left to Node (npm packages from
// node_modules, @atrium/* through their "compiled" export condition). No tsx at runtime.
import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Files a worker_threads Worker starts (`*.thread.ts`, `*.worker.ts`) become entries of their own,
 * flat at dist/ where the bundled code that starts them lives, so
 * `new URL("./x.thread.js", import.meta.url)` finds them in the build.
 */
function threadEntries() {
  const files = readdirSync("src", { recursive: true, encoding: "utf8" }).filter((f) => /[.-](thread|worker)\.ts$/.test(f) && !f.includes(".test."));
  return Object.fromEntries(files.map((f) => [path.basename(f, ".ts"), `src/${f}`]));
}

/** @param {Record<string, string>} entry */
export function nodeBuild(entry) {
  return {
    entry: { ...threadEntries(), ...entry },
    format: "esm",
    platform: "node",
    target: "node20.19",
    fixedExtension: false,
    dts: false,
    sourcemap: true,
    clean: true,
    deps: { neverBundle: [/^[^./]/] },
  };
}
