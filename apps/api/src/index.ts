export { createApp } from "./server.js";
export { appRouter, type AppRouter } from "./trpc/root.js";
export type { ApiDeps } from "./deps.js";
export { startSessionCacheSync } from "./http/middleware/session-cache-sync.js";
