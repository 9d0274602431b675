import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// The tarball must stand alone: workspace code (@atrium/core's contracts) is
// bundled into the JS, and its declarations inlined through `paths` (tsup's own
// resolver ignores package "exports"). The router type needs no inlining: see
// src/app-router.ts.
const atriumSources = { "@atrium/core/contracts": ["../core/src/contracts.ts"] };

export default defineConfig([
  {
    entry: { index: "src/index.ts", contracts: "src/contracts.ts" },
    format: ["esm", "cjs"],
    target: "es2022",
    noExternal: [/^@atrium\//],
    dts: { compilerOptions: { paths: atriumSources } },
    // Keep the CLI built by the second config when this one cleans dist/.
    clean: ["!cli.js"],
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    noExternal: [/^@atrium\//],
    banner: { js: "#!/usr/bin/env node" },
    define: { __ATRIUM_SDK_VERSION__: JSON.stringify(version) },
  },
]);
