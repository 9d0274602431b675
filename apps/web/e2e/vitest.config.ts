import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests against the built SPA served by a real api; the database and
// redis come from the same global setup as the unit tests.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["**/*.e2e.test.ts"],
    globalSetup: [fileURLToPath(new URL("../../../test/global-setup.ts", import.meta.url))],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
