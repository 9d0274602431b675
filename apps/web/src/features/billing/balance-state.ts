import type { Balance } from "../../lib/trpc";

/** How worried the top bar should look: neutral, amber (low) or red (work is being refused). */
export type BalanceState = "ok" | "low" | "blocked";

export const BALANCE_STATE_COLORS: Record<BalanceState, string> = { ok: "gray", low: "yellow", blocked: "red" };

/**
 * Red when the api would refuse work: `block` with the balance at or under the
 * threshold, or a failed payment. Amber when merely low (warn/limited keep running).
 */
export function balanceState(balance: Balance): BalanceState {
  if (balance.paymentFailed) return "blocked";
  if (balance.policy === "block" && balance.balanceCents <= balance.thresholdCents) return "blocked";
  return balance.isLow ? "low" : "ok";
}

/** One sentence for the tooltip and the balance card. */
export function balanceStateMessage(balance: Balance): string | null {
  if (balance.paymentFailed) return "A payment failed. Top up or update your card to keep work running.";
  const state = balanceState(balance);
  if (state === "blocked") return "The balance is at or below the low-balance threshold; jobs that cost more than the balance are refused.";
  if (state === "low") return "The balance is below the low-balance threshold.";
  return null;
}
