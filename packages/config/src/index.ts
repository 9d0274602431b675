export { ZEnv, loadConfig, ConfigError, type Env } from "./env.js";
export { createLogger, type Logger } from "./logger.js";
