import { eq, sql } from "drizzle-orm";
import { schema } from "@atrium/db";
import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { iso, isoOrNull } from "../shared/dates.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import { findAccountById } from "../accounts/tenant.repository.js";
import { by } from "../accounts/owner-guard.service.js";
import { authorize, type Action, type PolicyActor } from "../accounts/policy.service.js";
import { inTransaction } from "../shared/tx.js";
import type { ReserveRow } from "./ledger.repository.js";
import { findLedgerPage, type LedgerListRow } from "./ledger-query.repository.js";
import type { TLedgerEntry, TLedgerPage, TListLedgerInput } from "./ledger.schema.js";
import { ensureReserve, reserveRules } from "./ledger.service.js";
import { centsToDollars } from "./money.service.js";
import type { TBillingProfile, TReserveBalance, TUpdateBillingProfileInput } from "./reserve.schema.js";

const { reserves } = schema;

/** The caller's roles plus their home account, which billing calls act on unless they name another. */
export type BillingActor = PolicyActor & { homeAccountId: string | null };

/**
 * Which account a billing call acts on: the one named, else the caller's home
 * account, else their only account. Checked with the policy; other tenants'
 * accounts (and deleted ones) are NOT_FOUND. Returns the reserve, created on first use.
 */
export async function reserveFor(ctx: ServiceContext, actor: BillingActor, requested: string | undefined, action: Action): Promise<ReserveRow> {
  const memberOf = Object.keys(actor.accountRoles);
  const accountId = requested ?? actor.homeAccountId ?? (memberOf.length === 1 ? memberOf[0] : undefined);
  if (!accountId) {
    const message = "You belong to no single account; say which one with accountId";
    throw new ServiceError("BAD_REQUEST", message, { accountId: [message] });
  }
  authorize(actor, action, { accountId }, "Account");
  if (!(await findAccountById(ctx.db, accountId))) throw notFound("Account");
  return ensureReserve(ctx.db, accountId, reserveRules(ctx));
}

export const toBalanceDto = (r: ReserveRow): TReserveBalance => ({
  accountId: r.accountId,
  balanceCents: r.balanceCents,
  balanceDollars: centsToDollars(r.balanceCents),
  currency: r.currency.toUpperCase(),
  isLow: r.balanceCents < r.lowBalanceThresholdCents,
  policy: r.lowBalancePolicy,
  thresholdCents: r.lowBalanceThresholdCents,
  paymentFailed: r.paymentFailedAt !== null,
});

const toProfileDto = (r: ReserveRow): TBillingProfile => ({
  accountId: r.accountId,
  currency: r.currency.toUpperCase(),
  lowBalancePolicy: r.lowBalancePolicy,
  lowBalanceThresholdCents: r.lowBalanceThresholdCents,
  lowBalanceNotifiedAt: isoOrNull(r.lowBalanceNotifiedAt),
  paymentFailedAt: isoOrNull(r.paymentFailedAt),
});

export const toLedgerDto = (r: LedgerListRow): TLedgerEntry => ({
  id: r.id,
  type: r.type,
  amountCents: r.amountCents,
  balanceAfterCents: r.balanceAfterCents,
  reason: r.reason,
  actorUsername: r.actorUsername,
  relatedType: r.relatedType,
  relatedId: r.relatedId,
  createdAt: iso(r.createdAt),
});

/** Balance, policy and whether it's low, for the status bar; any member may read it. */
export async function getBalance(ctx: ServiceContext, actor: BillingActor, input: { accountId?: string }): Promise<TReserveBalance> {
  return toBalanceDto(await reserveFor(ctx, actor, input.accountId, "billing.read"));
}

/** The ledger, newest first, optionally one type only. */
export async function listLedger(ctx: ServiceContext, actor: BillingActor, input: TListLedgerInput): Promise<TLedgerPage> {
  const reserve = await reserveFor(ctx, actor, input.accountId, "billing.read");
  const rows = await findLedgerPage(ctx.db, { accountId: reserve.accountId, type: input.type, limit: input.limit, cursor: input.cursor });
  return toPage(rows, input.limit, toLedgerDto);
}

export async function getProfile(ctx: ServiceContext, actor: BillingActor, input: { accountId?: string }): Promise<TBillingProfile> {
  return toProfileDto(await reserveFor(ctx, actor, input.accountId, "billing.read"));
}

/**
 * Changes the low-balance policy and threshold (account admins). Raising the
 * balance over a lowered threshold ends the current low-balance episode, so
 * the next drop under it tells the owners again.
 */
export async function updateProfile(ctx: ServiceContext, actor: BillingActor, input: TUpdateBillingProfileInput, meta?: RequestMeta): Promise<TBillingProfile> {
  const before = await reserveFor(ctx, actor, input.accountId, "billing.manage");
  const policy = input.lowBalancePolicy ?? before.lowBalancePolicy;
  const threshold = input.lowBalanceThresholdCents ?? before.lowBalanceThresholdCents;
  if (policy === before.lowBalancePolicy && threshold === before.lowBalanceThresholdCents) return toProfileDto(before);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(reserves)
      .set({
        lowBalancePolicy: policy,
        lowBalanceThresholdCents: threshold,
        lowBalanceNotifiedAt: sql`case when ${reserves.balanceCents} >= ${threshold}::bigint then null else ${reserves.lowBalanceNotifiedAt} end`,
        updatedAt: ctx.now(),
      })
      .where(eq(reserves.accountId, before.accountId))
      .returning();
    if (!row) throw notFound("Account");
    const details = {
      lowBalancePolicy: { from: before.lowBalancePolicy, to: row.lowBalancePolicy },
      lowBalanceThresholdCents: { from: before.lowBalanceThresholdCents, to: row.lowBalanceThresholdCents },
    };
    await recordAudit(tx, { eventType: "billing.profile_updated", actor: by(actor), target: { type: "account", id: row.accountId }, accountId: row.accountId, meta, details });
    return toProfileDto(row);
  });
}
