import { and, eq, gte, lt, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { Actor, ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import { isUniqueViolation } from "../shared/tx.js";
import { debitReserve } from "./ledger.service.js";
import { roundHalfUp } from "./money.service.js";
import type { UsageLineItem } from "./pricing.service.js";
import { resolveRange } from "./range.service.js";
import { authorizeStaff } from "../accounts/policy.service.js";
import type { TUsageCostsInput, TUsageCostsReport } from "./usage.schema.js";

const { usageCosts, accounts } = schema;

export interface RunCostInput {
  accountId: string;
  runId: string;
  jobType: string;
  lineItems: UsageLineItem[];
  /** From priceUsage; recomputed from the lines (rounded half up, once) when absent. */
  totalCents?: number;
}

export interface RunCostResult {
  usageCostId: string;
  totalCents: number;
  /** false when this run had already been charged (a retry). */
  debited: boolean;
  balanceCents: number | null;
}

/**
 * Records what a finished job run cost and debits it, in one transaction, once
 * per run: the cost row is unique by run id and the debit's idempotency key is
 * `run:<runId>`, so a retried run (even with different usage) is charged what
 * its first record says. The work is done by now, so the debit goes through
 * even under `block` (the check before enqueueing is where `block` refuses)
 * and the balance may go below zero. Pass `ctx` for low-balance emails.
 */
export async function recordRunCost(db: DbOrTx, input: RunCostInput, ctx?: ServiceContext): Promise<RunCostResult> {
  if (!input.runId.trim() || !input.jobType.trim()) throw new ServiceError("BAD_REQUEST", "A run cost needs a run id and a job type");
  const totalCents = input.totalCents ?? roundHalfUp(input.lineItems.reduce((s, l) => s + l.amountCents, 0));
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) throw new ServiceError("BAD_REQUEST", "A run's cost must be a whole, non-negative number of cents");
  const values = { accountId: input.accountId, runId: input.runId, jobType: input.jobType, totalCents, lineItems: input.lineItems };
  // A free run (most first records) is one insert; a run recorded before falls through to the lookup below.
  if (totalCents === 0) {
    const [row] = await db.insert(usageCosts).values(values).onConflictDoNothing().returning({ id: usageCosts.id });
    if (row) return { usageCostId: row.id, totalCents: 0, debited: false, balanceCents: null };
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    const [recorded] = await db.select().from(usageCosts).where(eq(usageCosts.runId, input.runId)).limit(1);
    const cost = recorded ?? values;
    if (cost.totalCents === 0) {
      const [row] = recorded ? [recorded] : await db.insert(usageCosts).values(values).onConflictDoNothing().returning();
      if (row) return { usageCostId: row.id, totalCents: 0, debited: false, balanceCents: null };
      continue;
    }
    let usageCostId = recorded?.id;
    try {
      const debit = await debitReserve(
        db,
        {
          accountId: cost.accountId,
          amountCents: cost.totalCents,
          idempotencyKey: `run:${cost.runId}`,
          reason: `${cost.jobType} run`,
          related: { type: "job_run", id: cost.runId },
          enforceNonNegative: false,
          // The first record of a run commits with its debit, or neither happens.
          withinTx: recorded
            ? undefined
            : async (tx) => {
                const [row] = await tx.insert(usageCosts).values(values).returning({ id: usageCosts.id });
                usageCostId = row?.id;
              },
        },
        ctx,
      );
      if (usageCostId) return { usageCostId, totalCents: cost.totalCents, debited: debit.applied, balanceCents: debit.balanceCents };
    } catch (err) {
      // A twin of this call recorded the run first; go round again and take its record.
      if (!isUniqueViolation(err, "usage_costs_run_key")) throw err;
    }
  }
  throw new Error(`could not record the cost of run ${input.runId}`);
}

/** Staff report: run costs by tenant, UTC day and job type over a range, with totals. */
export async function usageCostsReport(ctx: ServiceContext, actor: Actor, input: TUsageCostsInput): Promise<TUsageCostsReport> {
  authorizeStaff(actor);
  const range = resolveRange(input, ctx.now());
  const day = sql<string>`to_char(${usageCosts.occurredAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await ctx.db
    .select({
      accountId: usageCosts.accountId,
      accountName: accounts.name,
      day,
      jobType: usageCosts.jobType,
      runs: sql<number>`count(*)::int`,
      totalCents: sql<string>`sum(${usageCosts.totalCents})`,
    })
    .from(usageCosts)
    .innerJoin(accounts, eq(accounts.id, usageCosts.accountId))
    .where(and(gte(usageCosts.occurredAt, range.from), lt(usageCosts.occurredAt, range.until), input.accountId ? eq(usageCosts.accountId, input.accountId) : undefined))
    .groupBy(usageCosts.accountId, accounts.name, day, usageCosts.jobType)
    .orderBy(day, accounts.name, usageCosts.jobType);
  const items = rows.map((r) => ({ ...r, totalCents: Number(r.totalCents) }));
  return {
    startDate: range.startDate,
    endDate: range.endDate,
    rows: items,
    totals: { runs: items.reduce((s, r) => s + r.runs, 0), totalCents: items.reduce((s, r) => s + r.totalCents, 0) },
  };
}
