import { pino, type Logger } from "pino";
import type { Env } from "./env.js";

export type { Logger };

/** JSON logs in production and tests; pretty, colourised lines in development. */
export function createLogger(env: Pick<Env, "NODE_ENV" | "LOG_LEVEL">, name: string): Logger {
  const pretty = env.NODE_ENV === "development";
  return pino({
    name,
    level: env.LOG_LEVEL,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "password", "*.password", "token", "*.token"], censor: "[redacted]" },
    ...(pretty ? { transport: { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss" } } } : {}),
  });
}
