import { TRPCError } from "@trpc/server";
import { loginBucketKey } from "@atrium/core";
import { accountNameOf, isAuthLimited, RateLimitExceeded } from "../http/middleware/rate-limit.js";
import type { Context } from "./context.js";

/**
 * Spends the caller's budgets for `path`; over budget it answers 429 with
 * Retry-After. The IP's budgets are spent before the input is read (an
 * over-budget caller's body is never parsed); auth calls then also spend the
 * budget of the account their input names.
 */
export async function enforceRateLimit(ctx: Context, path: string, getRawInput: () => Promise<unknown>): Promise<void> {
  try {
    await ctx.rateLimits.consume({ path, ip: ctx.meta.ip, userId: ctx.auth?.user.id ?? null, authIpCharged: ctx.authIpCharged });
    if (!isAuthLimited(path)) return;
    const accountName = accountNameOf(await getRawInput().catch(() => undefined));
    if (accountName) await ctx.rateLimits.consumeAccount(await loginBucketKey(ctx.svc, accountName));
  } catch (e) {
    if (!(e instanceof RateLimitExceeded)) throw e;
    ctx.setHeader("Retry-After", String(e.retryAfterSeconds));
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: e.message });
  }
}
