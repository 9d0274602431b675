export { ZEnv, loadConfig, allowsDevDefaults, ConfigError, DEV_STRIPE_WEBHOOK_SECRET, type Env } from "./env.js";
export { createLogger, type Logger } from "./logger.js";
export { startErrorReporting, reportError, flushErrorReports } from "./error-reporting.js";
export { repoRoot, resolveFromRoot, withDotEnv } from "./paths.js";
export { configOrExit } from "./config-or-exit.js";
