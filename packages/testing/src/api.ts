// In-process api and worker for tests of clients (the SDK, its CLI): the one place test code outside the
// apps reaches into them (.dependency-cruiser.cjs allows packages/testing and no other package).
export { startTestApi, callerFor, type TestApi, type TestApiOptions } from "../../../apps/api/src/testing.js";
export { startWorker, type RunningWorker, type WorkerDeps } from "../../../apps/worker/src/index.js";
