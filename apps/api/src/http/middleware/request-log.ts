import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "@atrium/config";
import { redactUrl } from "@atrium/core";

declare module "http" {
  interface IncomingMessage {
    /** The request id (echoed as X-Request-Id, and in every error body). */
    id?: string;
    /** A logger whose lines carry `req: {id, method, url}`. */
    log?: Logger;
  }
}

type Request = IncomingMessage & { originalUrl?: string };

/** The request as every line about it shows it: the redacted URL (logs are kept, shipped and read by more people than the database). */
const reqBinding = (req: Request, id: string) => ({ id, method: req.method, url: redactUrl(req.originalUrl ?? req.url ?? "") });

interface Lazy {
  real?: Logger;
  make: () => Logger;
}

// Most requests never log anything of their own: their child logger (serializing and
// stringifying the request binding) is built on the first use, not per request.
const lazyHandler: ProxyHandler<Lazy> = {
  get(lazy, key) {
    const real = (lazy.real ??= lazy.make());
    const value: unknown = Reflect.get(real, key, real);
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
  set: (lazy, key, value) => Reflect.set((lazy.real ??= lazy.make()), key, value),
  has: (lazy, key) => Reflect.has((lazy.real ??= lazy.make()), key),
};
const lazyLogger = (make: () => Logger): Logger => new Proxy<Lazy>({ make }, lazyHandler) as unknown as Logger;

/**
 * One JSON line per request (at info: id, redacted URL, status, response time; "request
 * errored" with the error for a 5xx) and a request id, echoed as X-Request-Id. The line
 * has pino-http's shape; this is its work minus what a request that logs nothing
 * doesn't need (a child logger built up front, listener bookkeeping).
 */
export function requestLogger(logger: Logger) {
  return function requestLog(req: Request, res: ServerResponse, next: () => void) {
    const id = (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
    res.setHeader("X-Request-Id", id);
    req.id = id;
    req.log = lazyLogger(() => logger.child({ req: reqBinding(req, id) }));
    if (!logger.isLevelEnabled("info") || req.url?.startsWith("/api/healthz")) return next();
    const started = Date.now();
    const done = (err?: Error) => {
      res.off("finish", done).off("close", done).off("error", done);
      const responseTime = Date.now() - started;
      const failure = err ?? (res.statusCode >= 500 ? new Error(`failed with status code ${res.statusCode}`) : undefined);
      const log = req.log ?? logger;
      if (failure) log.info({ res: { statusCode: res.statusCode }, err: failure, responseTime }, "request errored");
      else log.info({ res: { statusCode: res.statusCode }, responseTime }, res.writableEnded ? "request completed" : "request aborted");
    };
    res.on("finish", done).on("close", done).on("error", done);
    next();
  };
}
