// Import boundaries, test code included. `pnpm lint:boundaries` (part of `npm test`'s lint step)
// fails when a file crosses one; test/boundaries.test.ts proves a forbidden import is refused.
// Type-only imports count too (tsPreCompilationDeps): a type import still couples the folders.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "app-imports-app",
      comment: "Apps never import apps: they talk over HTTP/tRPC or the queue, and share code through packages/.",
      severity: "error",
      from: { path: "^apps/([^/]+)/" },
      to: { path: "^apps/", pathNot: "^apps/$1/" },
    },
    {
      name: "package-imports-app",
      comment:
        "packages/ (core, db, config, sdk) never import apps. The one exception: the SDK's app-router.ts takes the api's " +
        "router TYPE (rule sdk-router-type-only), which is how a tRPC client is typed; the test harness (packages/testing) starts apps.",
      severity: "error",
      from: { path: "^packages/", pathNot: ["^packages/testing/", "^packages/sdk/src/app-router\\.ts$"] },
      to: { path: "^apps/" },
    },
    {
      name: "sdk-router-type-only",
      comment: "The SDK may take the api router's type, never its code: `import type` only.",
      severity: "error",
      from: { path: "^packages/sdk/src/app-router\\.ts$" },
      to: { path: "^apps/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "web-only-sdk",
      comment: "The SPA reaches the rules and data only through @atrium/sdk: never @atrium/db, @atrium/core or @atrium/config.",
      severity: "error",
      from: { path: "^apps/web/src/" },
      to: { path: "^packages/", pathNot: "^packages/sdk/" },
    },
    {
      name: "e2e-through-harness",
      comment:
        "e2e files reach the api, the worker, the SDK and the database only through @atrium/testing (packages/testing): " +
        "no app sources, no packages' sources, no test/ modules.",
      severity: "error",
      from: { path: "^apps/web/e2e/" },
      to: { path: "^(apps|packages|test)/", pathNot: ["^apps/web/e2e/", "^packages/testing/"] },
    },
    {
      name: "e2e-seeds-through-harness",
      comment: "e2e files seed through named harness helpers (grantCredit, existingUser, ...), not with raw SQL clients.",
      severity: "error",
      from: { path: "^apps/web/e2e/" },
      to: { path: "node_modules/(drizzle-orm|pg|ioredis|bullmq)/" },
    },
    {
      name: "process-tests-run-apps",
      comment: "test/ runs the apps as operators do (separate processes), so it never imports their sources.",
      severity: "error",
      from: { path: "^test/" },
      to: { path: "^apps/" },
    },
    {
      name: "harness-only-in-tests",
      comment: "@atrium/testing is for tests and benches; shipped code never imports it.",
      severity: "error",
      from: { pathNot: ["\\.test\\.tsx?$", "(^|/)testing\\.ts$", "^test/", "^bench/", "^apps/web/e2e/", "^packages/testing/"] },
      to: { path: "^packages/testing/" },
    },
    {
      name: "workspace-import-resolves",
      comment: "An @atrium/* import that does not resolve would slip past every rule above.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true, path: "^@atrium/" },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: "(^|/)(dist|\\.turbo|\\.data)/" },
    tsPreCompilationDeps: true,
    // The SPA's paths map @atrium/sdk to its sources, so the SDK resolves before it is built.
    tsConfig: { fileName: "tsconfig.boundaries.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
