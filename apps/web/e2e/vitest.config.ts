import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { TEST_WORKERS } from "../../../packages/testing/src/workers.js";

// Browser tests against the built SPA served by a real api; the database and
// redis come from the same global setup as the unit tests.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["**/*.e2e.test.ts"],
    globalSetup: [fileURLToPath(new URL("../../../test/global-setup.ts", import.meta.url))],
    pool: "forks",
    // Each file has its own stack (api, maybe a worker) and Chromium; two files at a time keep a 2-core machine busy.
    maxWorkers: TEST_WORKERS.e2e,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
