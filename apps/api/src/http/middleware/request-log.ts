import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { pinoHttp } from "pino-http";
import type { Logger } from "@atrium/config";
import { redactUrl } from "@atrium/core";

/** One JSON line per request with a request id (echoed as X-Request-Id), its redacted URL and status. */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url?.startsWith("/api/healthz") ?? false },
    serializers: {
      // originalUrl: express rewrites req.url inside mounted routers; the log wants the whole path, redacted.
      // Logs are kept, shipped and read by more people than the database: no tokens, signatures or checkout ids in them.
      req: (req: { id: string; method: string; url: string; raw?: IncomingMessage & { originalUrl?: string } }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.raw?.originalUrl ?? req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
