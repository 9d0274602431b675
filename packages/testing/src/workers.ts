// How many test files run at once (vitest's own default on a 2-core machine is one). Measured on the
// 2-core machine with `npm test`'s JSON reports (.data/test-results): see README "Tests". TEST_WORKERS=n
// overrides both, e.g. TEST_WORKERS=1 to run files one by one while debugging.
import { availableParallelism } from "node:os";

// eslint-disable-next-line no-restricted-properties -- a test-runner knob, not app configuration
const override = Number(process.env.TEST_WORKERS) || 0;
const cpus = availableParallelism();

export const TEST_WORKERS = {
  integration: override || Math.max(2, cpus),
  e2e: override || Math.max(2, Math.ceil(cpus / 2)),
};
