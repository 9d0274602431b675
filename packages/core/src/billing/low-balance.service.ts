import type { ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import type { ReserveRow } from "./ledger.repository.js";
import { ensureReserve } from "./ledger.service.js";
import type { TSpendCheck } from "./low-balance.schema.js";
import { formatCents } from "./money.js";

/** Job types a `limited` policy still runs (BILLING_CHEAP_JOB_TYPES). */
export const cheapJobTypes = (ctx: Pick<ServiceContext, "config">): readonly string[] => ctx.config.BILLING_CHEAP_JOB_TYPES;

/**
 * Decides from the policy, before a job is enqueued, whether the account may
 * spend about `estimatedCents` on it. `block` refuses estimates the balance
 * can't cover; `warn` lets everything through, flagging shortfalls and low
 * balances; `limited` runs only cheap job types once the balance is low or
 * short. It reads; the debit after the run is what moves money.
 */
export async function checkSpend(ctx: ServiceContext, accountId: string, input: { estimatedCents: number; jobType: string }): Promise<TSpendCheck> {
  const { estimatedCents, jobType } = input;
  if (!Number.isSafeInteger(estimatedCents) || estimatedCents < 0) {
    throw new ServiceError("BAD_REQUEST", "The estimated cost must be a whole, non-negative number of cents", { estimatedCents: ["Must be a whole, non-negative number of cents"] });
  }
  const reserve = await ensureReserve(ctx.db, accountId);
  return verdictFor(reserve, estimatedCents, jobType, cheapJobTypes(ctx));
}

/** The pure part of checkSpend, for tests and for callers that already hold the reserve. */
export function verdictFor(reserve: Pick<ReserveRow, "balanceCents" | "currency" | "lowBalancePolicy" | "lowBalanceThresholdCents">, estimatedCents: number, jobType: string, cheap: readonly string[]): TSpendCheck {
  const { balanceCents, lowBalancePolicy: policy } = reserve;
  const money = (c: number) => formatCents(c, reserve.currency);
  const short = estimatedCents > balanceCents;
  const low = balanceCents < reserve.lowBalanceThresholdCents;
  const base = { balanceCents, estimatedCents, policy };
  const ok = (message: string | null = null): TSpendCheck => ({ ...base, allowed: true, verdict: message ? "warn" : "ok", message });

  if (policy === "block") {
    if (short) return { ...base, allowed: false, verdict: "blocked", message: `Insufficient balance: balance ${money(balanceCents)}, estimated cost ${money(estimatedCents)}. Top up to run this job.` };
    return ok(low ? `Balance ${money(balanceCents)} is below the low-balance threshold of ${money(reserve.lowBalanceThresholdCents)}.` : null);
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
