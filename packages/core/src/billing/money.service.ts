/** Money is integer cents; dollars exist only for display. */

/** "$12.34", "-$0.05". */
export function formatCents(cents: number, currency = "usd"): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const symbol = currency.toLowerCase() === "usd" ? "$" : `${currency.toUpperCase()} `;
  return `${sign}${symbol}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** For `balanceDollars` fields: display only, never fed back into arithmetic. */
export const centsToDollars = (cents: number) => cents / 100;

/**
 * Rounds half away from zero to a whole number. `eps` absorbs binary noise
 * from sums of fractional amounts (0.1 + 0.2 ...) so 2.4999999999 from an
 * exact 2.5 still rounds up.
 */
export function roundHalfUp(value: number, eps = 1e-9): number {
  const r = Math.floor(Math.abs(value) + 0.5 + eps);
  return value < 0 ? -r : r;
}
