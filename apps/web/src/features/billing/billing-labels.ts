import type { TLedgerEntryType, TLowBalancePolicy } from "@atrium/sdk";

// Types only from the SDK (see organizations/roles.ts): the top bar's balance badge reads these labels,
// and a value import from the contracts would put zod into every page's first load.

export const POLICY_LABELS: Record<TLowBalancePolicy, string> = { block: "Block", warn: "Warn", limited: "Limited" };
export const POLICY_COLORS: Record<TLowBalancePolicy, string> = { block: "red", warn: "yellow", limited: "orange" };
/** What each policy does once the balance runs low, as the api's spend check applies it. */
export const POLICY_DESCRIPTIONS: Record<TLowBalancePolicy, string> = {
  block: "Refuse any job whose estimated cost is more than the balance. Nothing runs on credit.",
  warn: "Let work run and flag it; the balance may go below zero, down to the platform's credit limit.",
  limited: "Below the threshold, run only job types marked cheap (down to the credit limit); refuse the rest.",
};
const LOW_BALANCE_POLICIES = Object.keys(POLICY_LABELS) as TLowBalancePolicy[];
export const POLICY_OPTIONS = LOW_BALANCE_POLICIES.map((p) => ({ value: p, label: POLICY_LABELS[p] }));

export function isPolicy(value: string | null): value is TLowBalancePolicy {
  return value !== null && (LOW_BALANCE_POLICIES as readonly string[]).includes(value);
}

export const ENTRY_TYPE_LABELS: Record<TLedgerEntryType, string> = { credit: "Credit", debit: "Debit", adjustment: "Adjustment", refund: "Refund" };
export const ENTRY_TYPE_COLORS: Record<TLedgerEntryType, string> = { credit: "teal", debit: "gray", adjustment: "violet", refund: "blue" };
const LEDGER_ENTRY_TYPES = Object.keys(ENTRY_TYPE_LABELS) as TLedgerEntryType[];
export const ENTRY_TYPE_OPTIONS = LEDGER_ENTRY_TYPES.map((t) => ({ value: t, label: ENTRY_TYPE_LABELS[t] }));

export function isEntryType(value: string | null): value is TLedgerEntryType {
  return value !== null && (LEDGER_ENTRY_TYPES as readonly string[]).includes(value);
}
