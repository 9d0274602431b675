import { pino, type Logger, type LoggerOptions } from "pino";
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
  const options: LoggerOptions = {
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
  };
  if (pretty) return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss" } } });
  // JSON lines leave through an asynchronous stdout writer, so a request's log line is never a blocking
  // write on the event loop (the api logs one per request); pino flushes what is pending at exit.
  return pino(options, pino.destination({ dest: 1, sync: false }));
}
