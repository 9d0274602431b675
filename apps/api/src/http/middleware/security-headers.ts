import type { IncomingMessage, ServerResponse } from "node:http";
import cors from "cors";
import helmet from "helmet";
import { allowsDevDefaults, type Env } from "@atrium/config";
import { withLoopbackTwins } from "./loopback-origins.js";

/**
 * The Content-Security-Policy of everything the api serves (Swagger UI at
 * /api/docs, the built SPA when WEB_DIST_DIR is set; the local checkout page
 * sets a stricter one of its own). No inline or eval'd script anywhere:
 * Swagger UI and the Vite build load scripts from files. Styles may be
 * inline because Mantine injects <style> tags at runtime. Behind another
 * server (nginx, a CDN) serving the SPA, send the same header (README, "Security model").
 */
export function cspDirectives(config: Pick<Env, "ATRIUM_ENV">): Record<string, string[]> {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    // Plain http://localhost in development must keep working.
    ...(allowsDevDefaults(config) ? {} : { "upgrade-insecure-requests": [] }),
  };
}

/** helmet with that CSP; HSTS for HSTS_SECONDS (the profile's default: a year in staging/production, off otherwise). */
export function securityHeaders(config: Pick<Env, "ATRIUM_ENV" | "HSTS_SECONDS">) {
  return helmet({
    hsts: config.HSTS_SECONDS > 0 ? { maxAge: config.HSTS_SECONDS, includeSubDomains: true } : false,
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config) },
  });
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** Runs a header-only middleware once against a stand-in response and records what it set. */
function recordHeaders(middleware: Middleware, req: Partial<IncomingMessage>): Array<[string, string | string[]]> {
  const set = new Map<string, string | string[]>();
  const res = {
    setHeader: (name: string, value: string | string[]) => set.set(name.toLowerCase(), value),
    removeHeader: (name: string) => set.delete(name.toLowerCase()),
    getHeader: (name: string) => set.get(name.toLowerCase()),
    get statusCode() {
      return 200;
    },
  } as unknown as ServerResponse;
  let called = false;
  middleware(req as IncomingMessage, res, () => (called = true));
  if (!called) throw new Error("a header middleware did not call next() synchronously; it can't be precomputed");
  return [...set];
}

/**
 * helmet's headers and cors' in ONE middleware. helmet is thirteen middlewares
 * whose headers never depend on the request, and cors' answer to a request
 * without an Origin header is fixed too: both are computed once at start-up
 * and set in one loop. Requests with an Origin (and preflights) still go
 * through cors itself, since its answer depends on that origin.
 */
export function responseHeaders(config: Pick<Env, "ATRIUM_ENV" | "HSTS_SECONDS" | "CORS_ORIGINS">) {
  const helmetHeaders = securityHeaders(config) as unknown as Middleware;
  // Cross-origin clients (the SDK in a browser) must be able to read how long to back off, and the export's file name.
  const corsMiddleware = cors({ origin: withLoopbackTwins(config.CORS_ORIGINS), credentials: true, exposedHeaders: ["Retry-After", "Content-Disposition"] }) as unknown as Middleware;
  const staticHeaders = recordHeaders(helmetHeaders, { method: "GET", headers: {} });
  const sameOriginHeaders = [...staticHeaders, ...recordHeaders(corsMiddleware, { method: "GET", headers: {} })];
  return function responseHeadersMiddleware(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) {
    const crossOrigin = req.headers.origin !== undefined || req.method === "OPTIONS";
    for (const [name, value] of crossOrigin ? staticHeaders : sameOriginHeaders) res.setHeader(name, value);
    if (crossOrigin) corsMiddleware(req, res, next);
    else next();
  };
}
