import { and, eq, isNull } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { Actor, ServiceContext } from "../../shared/context.js";
import { notFound, ServiceError } from "../../shared/errors.js";
import { authorize, type PolicyActor } from "../../accounts/policy.service.js";
import { ensureReserve, reserveRules } from "../ledger.service.js";
import { returnUrls } from "./checkout.service.js";
import { providerFromConfig } from "./provider.service.js";
import type { TCreateTopupSessionInput, TTopupSession } from "./topup.schema.js";

const { accounts, reserves, users } = schema;

function checkAmount(ctx: ServiceContext, dollars: number): number {
  const { TOPUP_MIN_DOLLARS: min, TOPUP_MAX_DOLLARS: max } = ctx.config;
  if (dollars < min || dollars > max) {
    const message = `Top up between $${min.toFixed(2)} and $${max.toFixed(2)}`;
    throw new ServiceError("BAD_REQUEST", message, { amountDollars: [message] });
  }
  // The contract allows at most 2 decimals; rounding only removes binary noise (19.99 * 100).
  return Math.round(dollars * 100);
}

/**
 * Starts a top-up: a Checkout session for the amount on the named account (the
 * caller's home account by default). Nothing is credited here; the
 * checkout.session.completed webhook credits, exactly once.
 */
export async function createTopupSession(ctx: ServiceContext, actor: Actor, policy: PolicyActor, input: TCreateTopupSessionInput): Promise<TTopupSession> {
  const accountId = input.accountId ?? actor.accountId;
  if (!accountId) throw new ServiceError("BAD_REQUEST", "You have no home account; name the accountId to top up", { accountId: ["Required: you have no home account"] });
  authorize(policy, "billing.manage", { accountId }, "Account");
  const amountCents = checkAmount(ctx, input.amountDollars);

  const [account] = await ctx.db.select().from(accounts).where(and(eq(accounts.id, accountId), isNull(accounts.deletedAt))).limit(1);
  if (!account) throw notFound("Account");
  const provider = providerFromConfig(ctx.config, ctx.now);
  if (!provider) throw new ServiceError("PRECONDITION_FAILED", "Top-ups are not available: the payment provider is not configured");

  const reserve = await ensureReserve(ctx.db, accountId, reserveRules(ctx));
  const [user] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId)).limit(1);
  const session = await provider.createCheckoutSession({
    accountId,
    accountName: account.name,
    amountCents,
    currency: reserve.currency,
    customerEmail: user?.email ?? null,
    customerId: reserve.stripeCustomerId,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    ...returnUrls(ctx.config.PUBLIC_URL),
  });
  if (session.createdCustomerId) {
    // Two first top-ups at once may each create a customer; the first stored wins, the other stays unused.
    await ctx.db
      .update(reserves)
      .set({ stripeCustomerId: session.createdCustomerId })
      .where(and(eq(reserves.accountId, accountId), isNull(reserves.stripeCustomerId)));
  }
  ctx.logger.info({ accountId, amountCents, provider: provider.name, sessionId: session.sessionId }, "top-up session created");
  return { sessionId: session.sessionId, checkoutUrl: session.checkoutUrl, provider: provider.name, accountId, amountCents, currency: reserve.currency };
}
