import { readFileSync } from "node:fs";
import { defineConfig } from "tsdown";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// The tarball must stand alone: workspace code (@atrium/core's contracts) is bundled into the
// JS and its declarations inlined (`dts.resolve`); `paths` points the compiler at the sources,
// whose package "exports" it would otherwise follow. The router type needs no inlining: see
// src/app-router.ts.
const atriumSources = { "@atrium/core/contracts": ["../core/src/contracts.ts"], "@atrium/config/check": ["../config/src/check.ts"] };
const workspace = [/^@atrium\//];

export default defineConfig([
  {
    entry: { index: "src/index.ts", contracts: "src/contracts.ts" },
    format: ["esm", "cjs"],
    platform: "neutral",
    target: "es2022",
    fixedExtension: false,
    deps: { alwaysBundle: workspace },
    dts: { resolve: workspace, compilerOptions: { paths: atriumSources } },
    // The CLI config below writes into the same dist/.
    clean: false,
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    fixedExtension: false,
    deps: { alwaysBundle: workspace },
    dts: false,
    clean: false,
    banner: { js: "#!/usr/bin/env node" },
    define: { __ATRIUM_SDK_VERSION__: JSON.stringify(version) },
  },
]);
