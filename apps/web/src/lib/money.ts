/**
 * Money on screen. The api counts integer cents; dollars exist only here, for
 * display and for what people type.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  const code = currency.toUpperCase();
  let formatter = formatters.get(code);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    formatters.set(code, formatter);
  }
  return formatter;
}

/** 5000 → "$50.00"; -250 → "-$2.50". */
export function formatCents(cents: number, currency = "usd"): string {
  return formatterFor(currency).format(cents / 100);
}

/** A change to a balance: "+$50.00", "-$2.50", "$0.00". */
export function formatSignedCents(cents: number, currency = "usd"): string {
  return cents > 0 ? `+${formatCents(cents, currency)}` : formatCents(cents, currency);
}

/** Chart axis ticks: whole dollars when the tick is one ("$1,200"), cents otherwise ("$0.50"), so small scales don't repeat "$1". */
export function formatAxisCents(cents: number, currency = "usd"): string {
  if (cents % 100 !== 0) return formatCents(cents, currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), maximumFractionDigits: 0 }).format(cents / 100);
}

/**
 * Typed dollars to cents without float drift ("19.99" → 1999, not 1998.9999…).
 * `null` for anything that isn't a plain amount with at most two decimals.
 */
export function dollarsToCents(value: string | number): number | null {
  const text = String(value).trim();
  const match = /^([+-])?(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return null;
  return sign === "-" ? -cents : cents;
}
