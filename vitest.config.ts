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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
