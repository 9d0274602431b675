import { readdirSync } from "node:fs";
import { defineConfig } from "tsdown";
import { nodeBuild } from "@atrium/config/tsdown.node.js";

// `npm run start:worker` runs dist/main.js with `node --conditions=compiled`; the container
// healthcheck runs dist/healthcheck.js. Files started as worker_threads (`*.thread.ts`) are
// entries of their own, at the same relative path, so `new URL("./x.thread.js", import.meta.url)` finds them.
const threads = readdirSync("src", { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".thread.ts"))
  .map((f) => [f.replace(/\.ts$/, ""), `src/${f}`]);

export default defineConfig(nodeBuild({ main: "src/main.ts", healthcheck: "src/healthcheck.ts", ...Object.fromEntries(threads) }));
