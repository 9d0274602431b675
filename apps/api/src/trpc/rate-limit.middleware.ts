import { TRPCError } from "@trpc/server";
import { accountNameOf, isAuthLimited, RateLimitExceeded } from "../http/rate-limit.js";
import type { Context } from "./context.js";

/**
 * Spends one point of the caller's budgets for `path`; over budget it answers 429
 * with Retry-After. Auth calls also name an account, read from the raw input
 * because this runs before the procedure's own parser.
 */
export async function enforceRateLimit(ctx: Context, path: string, getRawInput: () => Promise<unknown>): Promise<void> {
  const accountName = isAuthLimited(path) ? accountNameOf(await getRawInput().catch(() => undefined)) : null;
  try {
    await ctx.rateLimits.consume({ path, ip: ctx.meta.ip, userId: ctx.auth?.user.id ?? null, accountName });
  } catch (e) {
    if (!(e instanceof RateLimitExceeded)) throw e;
    ctx.setHeader("Retry-After", String(e.retryAfterSeconds));
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: e.message });
  }
}
