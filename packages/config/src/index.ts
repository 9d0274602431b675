export { ZEnv, loadConfig, checkConfig, allowsDevDefaults, ConfigError, DEV_STRIPE_WEBHOOK_SECRET, type Env, type ConfigCheck } from "./env.js";
export { ATRIUM_ENVS, PROFILES, atriumEnvOf, type AtriumEnv, type Profile } from "./profiles.js";
export { describeConfig, logEffectiveConfig, redisOptions, type ConfigEntry } from "./describe.js";
export { configWarnings } from "./profile-settings.js";
export { createLogger, type Logger } from "./logger.js";
export { startErrorReporting, reportError, flushErrorReports } from "./error-reporting.js";
export { repoRoot, resolveFromRoot, withDotEnv } from "./paths.js";
export { configOrExit } from "./config-or-exit.js";
