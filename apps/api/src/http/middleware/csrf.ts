import type { Request, RequestHandler } from "express";
import type { Env } from "@atrium/config";
import { CSRF_HEADER } from "@atrium/core/contracts";
import type { Surface } from "./procedure-paths.js";
import { withLoopbackTwins } from "./loopback-origins.js";
import { readBearer, readSessionCookie } from "./session-cookie.js";
import { sendSurfaceError } from "./surface-errors.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const originOf = (value: string | undefined): string | null => {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
};

/** Where the request says it comes from: Origin, else the Referer's origin (some browsers omit Origin on same-origin POSTs). */
const requestOrigin = (req: Request) => (req.headers.origin && req.headers.origin !== "null" ? originOf(req.headers.origin) : originOf(req.headers.referer));

const isJson = (req: Request) => /^application\/(.+\+)?json\s*(;|$)/i.test(req.headers["content-type"] ?? "");

/**
 * CSRF for cookie-authenticated state changes: the cookie rides along on any
 * request the browser makes, so such a request must also (1) come from an
 * allowed origin (CORS_ORIGINS, TRUSTED_ORIGINS, PUBLIC_URL, a loopback one's 127.0.0.1/[::1]/localhost
 * twin, or the api's own) and (2) be
 * something a cross-site form can't send: a JSON content type or the
 * CSRF_HEADER. Bearer calls (SDK, curl) carry their credential explicitly and
 * are not affected; nor are routes mounted before this (the Stripe webhook,
 * the local checkout form, which authenticate by signature, not cookie).
 */
export function csrfProtection(config: Pick<Env, "CORS_ORIGINS" | "PUBLIC_URL" | "TRUSTED_ORIGINS">, surface: Surface): RequestHandler {
  const configured = [...config.CORS_ORIGINS.map(originOf), ...config.TRUSTED_ORIGINS.map(originOf), originOf(config.PUBLIC_URL)].filter((o): o is string => o !== null);
  const allowed = new Set(withLoopbackTwins(configured));
  return function csrfCheck(req, res, next) {
    if (SAFE_METHODS.has(req.method) || readBearer(req) || !readSessionCookie(req)) return next();
    const origin = requestOrigin(req);
    const self = `${req.protocol}://${req.get("host") ?? ""}`;
    if (!origin || (!allowed.has(origin) && origin !== self)) {
      return sendSurfaceError(req, res, surface, "FORBIDDEN", "Cross-site request refused: a cookie-authenticated change must come from an allowed Origin");
    }
    if (!isJson(req) && !req.headers[CSRF_HEADER]) {
      return sendSurfaceError(req, res, surface, "FORBIDDEN", `Cross-site request refused: send a JSON body or the ${CSRF_HEADER} header`);
    }
    next();
  };
}
