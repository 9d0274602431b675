import type { Request, Response } from "express";
import type { Logger } from "@atrium/config";
import { authService, createRedisRealtimePublisher, createStreamSlots, type RequestMeta, type ServiceContext } from "@atrium/core";
import type { ApiDeps } from "../deps.js";
import { requestIdOf } from "./errors.js";
import { AUTH_IP_CHARGED, createRateLimits, type RateLimits } from "../http/middleware/rate-limit.js";
import type { RealtimeDeps } from "../realtime/user-event-stream.js";
import { clearSessionCookie, readBearer, readSessionCookie, setSessionCookie } from "../http/middleware/session-cookie.js";

export type Auth = NonNullable<Awaited<ReturnType<typeof authService.authenticateToken>>>;

export interface Context {
  svc: ServiceContext;
  auth: Auth | null;
  meta: RequestMeta;
  /** Echoed as X-Request-Id and in every error body, so a report can be matched to the log line. */
  requestId: string | null;
  logger: Logger;
  cookies: {
    setSession: (token: string, expiresAt: Date, rememberMe: boolean) => void;
    clearSession: () => void;
  };
  /** Sets a response header (e.g. Retry-After) from inside a procedure or middleware. */
  setHeader: (name: string, value: string) => void;
  /** Shared by every request of this app; the rate-limit middleware spends from it. */
  rateLimits: RateLimits;
  /** The IP's auth budget was charged before the body was read (see http/middleware/auth-budget.ts). */
  authIpCharged: boolean;
  /** The api's shared Redis client, for staff views that read Redis directly (worker heartbeats). */
  redis: ApiDeps["redis"];
  /** The credential this request came with: event streams re-validate it while they stay open. */
  token: string | null;
  /** Event streams' hub and per-user slots; null where the process has no hub. */
  realtime: RealtimeDeps | null;
}

/** Builds the per-request context: service deps plus whoever the token or cookie names. */
export function createContextFactory(deps: ApiDeps, rateLimits: RateLimits = createRateLimits(deps.config, deps.redis, deps.logger)) {
  const realtime = createRedisRealtimePublisher(deps.redis, deps.config.REDIS_PREFIX, deps.now);
  const streams: RealtimeDeps | null = deps.realtimeHub ? { hub: deps.realtimeHub, slots: createStreamSlots(deps.redis, deps.config.REDIS_PREFIX) } : null;
  // `anonymous`: a caller whose credential is a signature over the request (Stripe's webhook) is nobody's session;
  // a cookie or bearer token riding along is ignored, not looked up (a round trip, and no one to act as).
  return async ({ req, res, anonymous = false }: { req: Request; res: Response; anonymous?: boolean }): Promise<Context> => {
    const logger: Logger = (req as Request & { log?: Logger }).log ?? deps.logger;
    const svc: ServiceContext = { db: deps.db, config: deps.config, logger, now: deps.now, jobs: deps.jobs, flags: deps.flags, sessionCache: deps.sessionCache, realtime };
    const token = anonymous ? undefined : (readBearer(req) ?? readSessionCookie(req));
    const auth = token ? await authService.authenticateToken(svc, token) : null;
    return {
      svc,
      auth,
      logger,
      meta: { ip: req.ip ?? null, userAgent: req.get("user-agent") ?? null },
      requestId: requestIdOf(req as Request & { id?: unknown }),
      cookies: {
        setSession: (t, expiresAt, rememberMe) => setSessionCookie(res, deps.config, t, expiresAt, rememberMe),
        clearSession: () => clearSessionCookie(res, deps.config),
      },
      setHeader: (name, value) => {
        if (!res.headersSent) res.setHeader(name, value);
      },
      rateLimits,
      authIpCharged: res.locals?.[AUTH_IP_CHARGED] === true,
      redis: deps.redis,
      token: token ?? null,
      realtime: streams,
    };
  };
}
