// What e2e files use besides their page helpers (apps/web/e2e/harness.ts): the stack, Chromium, the SDK
// client and named seed helpers. .dependency-cruiser.cjs keeps e2e files to this and their own folder.
export { launchChromium, startE2eStack, WEB_DIST, type E2eStack } from "./stack.js";
export * from "./seed.js";
export * from "./recruiting-seed.js";
// Relative: the SDK's package exports point at its build; the e2e stories drive the api with its sources.
export { createClient } from "../../../sdk/src/index.js";
