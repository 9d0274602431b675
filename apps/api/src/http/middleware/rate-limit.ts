import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import type { Env, Logger } from "@atrium/config";
import { emitTelemetry } from "@atrium/core/system";
import { isAuthProcedure } from "@atrium/core/contracts";

/** Needs a live session already and guesses nothing, so it only counts as an ordinary call. */
export const AUTH_RATE_LIMIT_EXEMPT = new Set(["auth.logout"]);

/**
 * Long-lived streams: opening one (and its keep-alives) spends nothing from a signed-in
 * caller's budget; open streams are capped per user instead (core's createStreamSlots).
 */
export const STREAM_PROCEDURES = new Set(["events.stream"]);

export const isAuthLimited = (path: string) =>
  !AUTH_RATE_LIMIT_EXEMPT.has(path) && isAuthProcedure(path);

/** res.locals flag: the IP's auth budget was charged from the URL, before the body was read. */
export const AUTH_IP_CHARGED = "authIpCharged";

/** Who is calling what, as far as limits care. */
export interface RateLimitSubject {
  path: string;
  ip: string | null;
  userId: string | null;
  /** The per-IP auth budget was already charged for this request, from its URL, before its body was read. */
  authIpCharged?: boolean;
}

export class RateLimitExceeded extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    super(`Too many requests, try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`);
    this.name = "RateLimitExceeded";
  }
}

export interface RateLimits {
  /** Spends one point from the caller's budget (user, or anonymous IP) and, for auth calls, the IP's auth budget; throws RateLimitExceeded when one is empty. */
  consume(subject: RateLimitSubject): Promise<void>;
  /** The IP's auth budget alone: charged from the URL before an auth call's body is read. */
  consumeAuthIp(ip: string | null): Promise<void>;
  /** The named account's auth budget (see loginBucketKey), once the body has named it. */
  consumeAccount(bucket: string): Promise<void>;
}

const NO_LIMITS: RateLimits = { consume: async () => {}, consumeAuthIp: async () => {}, consumeAccount: async () => {} };

/**
 * Counters live in Redis so every api process shares them. When Redis is down
 * (the client has no offline queue, so calls fail at once) each limiter falls back
 * to an in-process memory limiter with the same budget: limits stay roughly
 * enforced per process instead of every request failing with a 500 or none being limited.
 */
export function createRateLimits(config: Env, redis: Redis, logger: Logger): RateLimits {
  if (!config.RATE_LIMIT_ENABLED) return NO_LIMITS;
  const window = config.RATE_LIMIT_WINDOW_SECONDS;
  // Which budget ran out, for the rejection counter (a label, so names, never keys).
  const budgetOf = new Map<RateLimiterRedis, string>();
  const limiter = (name: string, points: number, duration: number) => {
    const l = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.REDIS_PREFIX}:rl:${name}`,
      points,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: `rl:${name}`, points, duration }),
    });
    budgetOf.set(l, name);
    return l;
  };
  const authIp = limiter("auth-ip", config.RATE_LIMIT_AUTH_PER_MINUTE, window);
  const authAccount = limiter("auth-account", config.RATE_LIMIT_AUTH_PER_MINUTE, window);
  const anon = limiter("anon", config.RATE_LIMIT_ANON_PER_MINUTE, window);
  const user = limiter("user", config.RATE_LIMIT_AUTH_PER_HOUR, 3600);
  // Procedures with a budget of their own on top of the user's: sending messages floods other people's inboxes.
  const messageSend = limiter("message-send", config.RATE_LIMIT_MESSAGES_PER_MINUTE, window);
  const perUserProcedure: Record<string, RateLimiterRedis> = {
    "messages.send": messageSend,
    // One budget for every way of sending a message.
    "recruiting.conversation.send": messageSend,
  };

  const spend = async (l: RateLimiterRedis, key: string) => {
    try {
      await l.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        emitTelemetry("rate_limit.rejected", { budget: budgetOf.get(l) ?? "unknown" });
        throw new RateLimitExceeded(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      }
      // Both stores failed: let the call through rather than take the api down with the limiter.
      logger.warn({ err: e }, "rate limiter unavailable; request allowed");
    }
  };

  return {
    async consume({ path, ip, userId, authIpCharged }) {
      if (userId && STREAM_PROCEDURES.has(path)) return;
      await (userId ? spend(user, userId) : spend(anon, ip ?? "unknown"));
      const own = perUserProcedure[path];
      if (own && userId) await spend(own, userId);
      if (isAuthLimited(path) && !authIpCharged) await spend(authIp, ip ?? "unknown");
    },
    consumeAuthIp: (ip) => spend(authIp, ip ?? "unknown"),
    consumeAccount: (bucket) => spend(authAccount, bucket),
  };
}

/** The account name an auth call is about: `username` or `email` in its input, case-folded. */
export function accountNameOf(input: unknown): string | null {
  if (!input || typeof input !== "object") return null;
  const { username, email } = input as { username?: unknown; email?: unknown };
  const name = typeof username === "string" && username.trim() ? username : typeof email === "string" ? email : "";
  return name.trim().toLowerCase().slice(0, 320) || null;
}
