/**
 * What the SPA knew when it sent the browser to checkout. The page is gone by
 * the time the browser comes back, so it waits in sessionStorage (this tab only).
 */
export interface PendingTopup {
  sessionId: string;
  amountCents: number;
  currency: string;
  /** The balance before paying; the return page polls until it moves. Null when unknown. */
  balanceBeforeCents: number | null;
}

const KEY = "atrium.billing.pendingTopup";

export function rememberPendingTopup(pending: PendingTopup): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(pending));
  } catch {
    // Storage can be full or disabled; the return page then just shows the balance it finds.
  }
}

/** Reads and forgets it, so a reload of the return page doesn't announce the payment twice. */
export function takePendingTopup(sessionId: string | null): PendingTopup | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    if (!raw) return null;
    const pending = JSON.parse(raw) as PendingTopup;
    // A stale entry from an abandoned checkout says nothing about this one.
    return sessionId && pending.sessionId !== sessionId ? null : pending;
  } catch {
    return null;
  }
}
