import { defineConfig } from "vitest/config";
// Relative, not @atrium/testing: vitest bundles relative imports of its config and loads packages natively.
import { TEST_WORKERS } from "./packages/testing/src/workers.js";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/api/src/**/*.test.ts", "apps/worker/src/**/*.test.ts", "packages/sdk/test/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    pool: "forks",
    // Files are isolated (a database and a Redis prefix each) and mostly wait on Postgres, Redis and
    // child processes, so they run side by side even on 2 cores (vitest's default there is 1 at a time).
    maxWorkers: TEST_WORKERS.integration,
    // Each worker process runs file after file instead of a new process per file: importing the api and core
    // again for every one of ~150 files was most of the stage (apps/api/src/http, 21 files under the same load:
    // 265 s with imports of 210 s -> 167 s with imports of 29 s). Files share nothing but module state: each has
    // its own database and Redis prefix, and tests count per-process metrics as deltas.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
