import { randomUUID } from "node:crypto";
import { recordAudit } from "../audit/audit.service.js";
import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { authorizeStaff } from "../accounts/policy.service.js";
import { findAccountById } from "../accounts/tenant.repository.js";
import { findLedgerExportBatch, type LedgerExportQuery, type LedgerExportRow } from "./ledger-query.repository.js";
import type { TLedgerExportFilters } from "./ledger.schema.js";
import { applyLedgerEntry } from "./ledger.service.js";
import { ensureReserve, reserveRules } from "./ledger.service.js";
import type { TAdjustContext, TAdjustContextInput, TAdjustReserveInput, TAdjustReserveResult } from "./reserve.schema.js";
import { toLedgerDto } from "./reserve.service.js";

const formatDollars = (cents: number) => `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const adjustMaxCents = (ctx: ServiceContext) => Math.round(ctx.config.BILLING_ADJUST_MAX_DOLLARS * 100);

/** The tenant's balance and the adjustment limits, so the admin sees before/after before confirming. */
export async function adjustContext(ctx: ServiceContext, actor: Actor, input: TAdjustContextInput): Promise<TAdjustContext> {
  authorizeStaff(actor);
  if (!(await findAccountById(ctx.db, input.tenantId))) throw notFound("Tenant");
  const reserve = await ensureReserve(ctx.db, input.tenantId, reserveRules(ctx));
  return {
    tenantId: input.tenantId,
    balanceCents: reserve.balanceCents,
    currency: reserve.currency,
    maxCents: adjustMaxCents(ctx),
    confirmAboveCents: Math.round(ctx.config.BILLING_ADJUST_CONFIRM_ABOVE_DOLLARS * 100),
  };
}

/**
 * A staff correction of a tenant's reserve, either way, with a mandatory
 * reason. The ledger row and the audit event (admin, amount, reason) are one
 * transaction; retrying with the same idempotency key changes nothing and
 * audits nothing. May take the balance below zero: staff decide.
 */
export async function adjustReserve(ctx: ServiceContext, actor: Actor, input: TAdjustReserveInput, meta?: RequestMeta): Promise<TAdjustReserveResult> {
  authorizeStaff(actor);
  // A hard cap in config: one slipped finger must not move millions, whatever the SPA asked.
  const max = adjustMaxCents(ctx);
  if (Math.abs(input.amountCents) > max) {
    const message = `Adjustments are limited to ${formatDollars(max)} either way`;
    throw new ServiceError("BAD_REQUEST", message, { amountCents: [message] });
  }
  if (!(await findAccountById(ctx.db, input.tenantId))) throw notFound("Tenant");
  const idempotencyKey = `adjust:${input.idempotencyKey ?? randomUUID()}`;
  const result = await applyLedgerEntry(
    ctx.db,
    {
      accountId: input.tenantId,
      type: "adjustment",
      amountCents: input.amountCents,
      idempotencyKey,
      reason: input.reason,
      actorId: actor.userId,
      // Audited in the ledger's own transaction: no adjustment without its audit event, and a replay audits nothing.
      withinTx: (tx, entry) =>
        recordAudit(tx, {
          eventType: "billing.adjusted",
          actor: { id: actor.userId, username: actor.username },
          target: { type: "account", id: input.tenantId },
          accountId: input.tenantId,
          meta,
          details: { amountCents: input.amountCents, reason: input.reason, ledgerEntryId: entry.id, balanceAfterCents: entry.balanceAfterCents },
        }),
    },
    ctx,
  );
  const actorUsername = result.entry.actorId === actor.userId ? actor.username : null;
  return { newBalanceCents: result.balanceCents, applied: result.applied, entry: toLedgerDto({ ...result.entry, actorUsername }) };
}

/** Export stops here; a bigger ledger needs narrower filters. */
export const LEDGER_EXPORT_MAX_ROWS = 100_000;
const BATCH = 1000;
const DAY_MS = 86_400_000;

/**
 * Every ledger row matching the filters (staff only), oldest first, fetched in
 * batches so memory stays flat. Authorization happens before this resolves.
 */
export async function exportLedger(ctx: ServiceContext, actor: Actor, filters: TLedgerExportFilters, maxRows = LEDGER_EXPORT_MAX_ROWS): Promise<AsyncIterable<LedgerExportRow>> {
  authorizeStaff(actor);
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new ServiceError("BAD_REQUEST", "`to` must not be before `from`", { to: ["Must not be before from"] });
  }
  const query: LedgerExportQuery = {
    accountId: filters.accountId,
    from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
    before: filters.to ? new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) : undefined,
  };
  return (async function* () {
    let afterId: string | undefined;
    for (let sent = 0; sent < maxRows; ) {
      const rows = await findLedgerExportBatch(ctx.db, query, { limit: Math.min(BATCH, maxRows - sent), afterId });
      yield* rows;
      sent += rows.length;
      afterId = rows.at(-1)?.id;
      if (!afterId || rows.length < BATCH) return;
    }
  })();
}
