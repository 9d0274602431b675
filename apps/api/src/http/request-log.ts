import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { pinoHttp } from "pino-http";
import type { Logger } from "@atrium/config";

/** Query parameters that carry credentials: invitation/reset tokens, download signatures, tRPC inputs (which hold them too). */
const SECRET_PARAMS = new Set(["token", "sig", "signature", "invitation", "input", "password", "secret", "code", "api_key", "apikey"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Long opaque segments are tokens (invitation links, checkout session ids, reset links); ids (UUIDs) and words stay readable. */
const tokenLike = (segment: string) => segment.length >= 20 && !UUID.test(segment) && /^[A-Za-z0-9_\-.~%=]+$/.test(segment) && /\d/.test(segment);

export const REDACTED = "[redacted]";

/**
 * The URL as it may be written to a log: token-like path segments and the
 * values of credential-bearing query parameters replaced by [redacted].
 * Logs are kept, shipped and read by more people than the database.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  const search = q < 0 ? "" : url.slice(q + 1);
  const safePath = pathname
    .split("/")
    .map((s) => (tokenLike(s) ? REDACTED : s))
    .join("/");
  if (!search) return safePath;
  const safeSearch = search
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = decodeSafe(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
      return SECRET_PARAMS.has(name) && eq >= 0 ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join("&");
  return `${safePath}?${safeSearch}`;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

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
      req: (req: { id: string; method: string; url: string; raw?: IncomingMessage & { originalUrl?: string } }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.raw?.originalUrl ?? req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
