import type { RequestHandler } from "express";
import { isAuthLimited, RateLimitExceeded, AUTH_IP_CHARGED, type RateLimits } from "./rate-limit.js";
import { procedurePathsOf, type Surface } from "./procedure-paths.js";
import { sendSurfaceError } from "./surface-errors.js";

/**
 * Charges the IP's auth budget (login, token, signup, password) from the URL,
 * before the body is read: an over-budget caller gets its 429 without the
 * server reading, let alone parsing, whatever it sends. The procedure's own
 * rate-limit middleware then skips that budget and charges the named account.
 */
export function chargeAuthBudgetFirst(rateLimits: RateLimits, surface: Surface): RequestHandler {
  return async function chargeAuthBudget(req, res, next) {
    const paths = procedurePathsOf(req, surface);
    if (!paths.some(isAuthLimited)) return next();
    try {
      await rateLimits.consumeAuthIp(req.ip ?? null);
      res.locals[AUTH_IP_CHARGED] = true;
      next();
    } catch (e) {
      if (!(e instanceof RateLimitExceeded)) return next(e);
      res.setHeader("Retry-After", String(e.retryAfterSeconds));
      res.setHeader("Connection", "close");
      sendSurfaceError(req, res, surface, "TOO_MANY_REQUESTS", e.message, paths);
    }
  };
}
