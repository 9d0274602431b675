import { pino, type Logger } from "pino";
import type { Env } from "./env.js";
import { errorOfLogCall, reportError, startErrorReporting } from "./error-reporting.js";

export type { Logger };

const ERROR_LEVEL = 50;

/**
 * JSON logs in production and tests; pretty, colourised lines in development.
 * Errors already go through the logger, so with SENTRY_DSN set, error and fatal
 * logs that carry an Error are also sent to Sentry (LOG_LEVEL above error mutes both).
 */
export function createLogger(env: Pick<Env, "NODE_ENV" | "LOG_LEVEL"> & Partial<Pick<Env, "SENTRY_DSN">>, name: string): Logger {
  const pretty = env.NODE_ENV === "development";
  if (env.SENTRY_DSN) void startErrorReporting({ SENTRY_DSN: env.SENTRY_DSN, NODE_ENV: env.NODE_ENV }, name);
  return pino({
    name,
    level: env.LOG_LEVEL,
    hooks: {
      logMethod(args, method, level) {
        if (level >= ERROR_LEVEL) {
          const err = errorOfLogCall(args[0]);
          if (err) reportError(err, { logger: name, message: typeof args[1] === "string" ? args[1] : undefined });
        }
        return method.apply(this, args);
      },
    },
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "password", "*.password", "token", "*.token"], censor: "[redacted]" },
    ...(pretty ? { transport: { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss" } } } : {}),
  });
}
