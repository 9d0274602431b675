import { channel, type Channel } from "node:diagnostics_channel";

/**
 * Facts the rules publish for whoever measures them (the api's and worker's
 * Prometheus metrics, later traces). Node's diagnostics_channel keeps core free
 * of any metrics library, and a publish with no subscriber costs one boolean check.
 */
export interface TelemetryEvents {
  /** A ledger entry was attempted: applied (balance moved), replayed (same idempotency key) or refused (insufficient funds). */
  "ledger.entry": { type: string; outcome: "applied" | "replayed" | "refused"; amountCents: number };
  /** A Stripe webhook delivery: processed, duplicate, ignored (no effect for that type), rejected (bad signature) or failed. */
  "webhook.event": { provider: "stripe"; type: string; outcome: "processed" | "duplicate" | "ignored" | "rejected" | "failed" };
  /** One analyzer call of a job, with its tokens and price. */
  "analyzer.call": { provider: string; model: string; inputTokens: number; outputTokens: number; costCents: number };
  /** A request refused with 429 because `budget` (anon, user, auth-ip, auth-account) ran out. */
  "rate_limit.rejected": { budget: string };
  /** One delivery attempt of an outbox email. */
  "email.send": { transport: string; outcome: "sent" | "skipped" | "failed" };
}
export type TelemetryName = keyof TelemetryEvents;

const channels = new Map<TelemetryName, Channel>();
const channelOf = (name: TelemetryName): Channel => {
  let ch = channels.get(name);
  if (!ch) channels.set(name, (ch = channel(`atrium:${name}`)));
  return ch;
};

/** Publishes a fact; never throws into the business code that reports it. */
export function emitTelemetry<N extends TelemetryName>(name: N, event: TelemetryEvents[N]): void {
  const ch = channelOf(name);
  if (!ch.hasSubscribers) return;
  try {
    ch.publish(event);
  } catch {
    // A broken subscriber must not fail a debit or a webhook.
  }
}

/** Subscribes to a fact; returns the unsubscribe. */
export function onTelemetry<N extends TelemetryName>(name: N, fn: (event: TelemetryEvents[N]) => void): () => void {
  const ch = channelOf(name);
  const listener = (message: unknown) => fn(message as TelemetryEvents[N]);
  ch.subscribe(listener);
  return () => ch.unsubscribe(listener);
}
