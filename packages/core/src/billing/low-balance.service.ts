import { and, eq, inArray, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import type { ReserveRow } from "./ledger.repository.js";
import { DEFAULT_RESERVE_RULES, ensureReserve, reserveRules } from "./ledger.service.js";
import type { TSpendCheck } from "./low-balance.schema.js";
import { formatCents } from "./money.service.js";

/** Job types a `limited` policy still runs (BILLING_CHEAP_JOB_TYPES). */
export const cheapJobTypes = (ctx: Pick<ServiceContext, "config">): readonly string[] => ctx.config.BILLING_CHEAP_JOB_TYPES;

/** What the account's queued and running jobs are estimated to cost: admitted, not yet debited. */
export async function committedCents(db: DbOrTx, accountId: string): Promise<number> {
  const [row] = await db
    .select({ cents: sql<string>`coalesce(sum(${schema.jobs.estimatedCostCents}), 0)` })
    .from(schema.jobs)
    .where(and(eq(schema.jobs.accountId, accountId), inArray(schema.jobs.status, ["queued", "running"])));
  return Number(row?.cents ?? 0);
}

/**
 * Decides from the policy, before a job is enqueued, whether the account may
 * spend about `estimatedCents` on it, counting what its queued and running
 * jobs will cost as spent already (so a burst of jobs can't each see the same
 * balance). `block` refuses estimates the balance can't cover; `warn` lets jobs
 * through, flagging shortfalls and low balances, down to minus the credit
 * limit (BILLING_WARN_CREDIT_LIMIT_CENTS); `limited` runs only cheap job types
 * once the balance is low or short, down to the same limit. It reads; the debit
 * after the run is what moves money. Job admission calls it with the reserve
 * locked (`db` a transaction), so concurrent admissions queue up behind it.
 */
export async function checkSpend(ctx: ServiceContext, accountId: string, input: { estimatedCents: number; jobType: string }): Promise<TSpendCheck> {
  const { estimatedCents, jobType } = input;
  if (!Number.isSafeInteger(estimatedCents) || estimatedCents < 0) {
    throw new ServiceError("BAD_REQUEST", "The estimated cost must be a whole, non-negative number of cents", { estimatedCents: ["Must be a whole, non-negative number of cents"] });
  }
  const rules = reserveRules(ctx);
  const reserve = await ensureReserve(ctx.db, accountId, rules);
  const pendingCents = await committedCents(ctx.db, accountId);
  return verdictFor(reserve, estimatedCents, jobType, cheapJobTypes(ctx), { creditLimitCents: rules.creditLimitCents, pendingCents });
}

/** The pure part of checkSpend, for tests and for callers that already hold the reserve. */
export function verdictFor(
  reserve: Pick<ReserveRow, "balanceCents" | "currency" | "lowBalancePolicy" | "lowBalanceThresholdCents">,
  estimatedCents: number,
  jobType: string,
  cheap: readonly string[],
  { creditLimitCents = DEFAULT_RESERVE_RULES.creditLimitCents, pendingCents = 0 }: { creditLimitCents?: number; pendingCents?: number } = {},
): TSpendCheck {
  const { balanceCents, lowBalancePolicy: policy } = reserve;
  const money = (c: number) => formatCents(c, reserve.currency);
  const available = balanceCents - pendingCents;
  const short = estimatedCents > available;
  const low = balanceCents < reserve.lowBalanceThresholdCents;
  const base = { balanceCents, estimatedCents, policy };
  const ok = (message: string | null = null): TSpendCheck => ({ ...base, allowed: true, verdict: message ? "warn" : "ok", message });
  const committed = pendingCents > 0 ? ` (${money(pendingCents)} of it committed to queued and running jobs)` : "";

  if (policy === "block") {
    if (short) return { ...base, allowed: false, verdict: "blocked", message: `Insufficient balance: balance ${money(balanceCents)}${committed}, estimated cost ${money(estimatedCents)}. Top up to run this job.` };
    return ok(low ? `Balance ${money(balanceCents)} is below the low-balance threshold of ${money(reserve.lowBalanceThresholdCents)}.` : null);
  }
  if (available - estimatedCents < -creditLimitCents) {
    return {
      ...base,
      allowed: false,
      verdict: "blocked",
      message: `Credit limit reached: balance ${money(balanceCents)}${committed}, estimated cost ${money(estimatedCents)}; the ${policy} policy lets the balance go down to ${money(-creditLimitCents)}. Top up to run this job.`,
    };
  }
  if (policy === "limited" && (short || low)) {
    if (cheap.includes(jobType)) return ok(`Balance ${money(balanceCents)} is low; only inexpensive jobs like this one run until you top up.`);
    return {
      ...base,
      allowed: false,
      verdict: "limited_blocked",
      message: `Balance ${money(balanceCents)} is low (estimated cost ${money(estimatedCents)}); under the limited policy only ${cheap.length ? cheap.join(", ") : "no"} job types run, not ${jobType}. Top up to run it.`,
    };
  }
  if (short) return ok(`Balance ${money(balanceCents)} doesn't cover the estimated cost of ${money(estimatedCents)}; the job runs and the balance may go negative.`);
  return ok(low ? `Balance ${money(balanceCents)} is below the low-balance threshold of ${money(reserve.lowBalanceThresholdCents)}.` : null);
}
