import { timingSafeEqual, createHash } from "node:crypto";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Env } from "@atrium/config";
import { onTelemetry } from "./telemetry.service.js";

/**
 * The business counters both processes expose (the api applies top-ups and
 * webhooks, the worker debits runs and sends email): one definition, fed by the
 * telemetry channels, registered on each process's own registry.
 */
export function registerTelemetryMetrics(registry: Registry): void {
  const ledgerEntries = new Counter({
    name: "atrium_ledger_entries_total",
    help: "Ledger entries by type (debit, credit, refund, adjustment) and outcome (applied, replayed, refused)",
    labelNames: ["type", "outcome"] as const,
    registers: [registry],
  });
  const ledgerCents = new Counter({
    name: "atrium_ledger_amount_cents_total",
    help: "Money moved by applied ledger entries, in cents, by direction (debit or credit)",
    labelNames: ["direction"] as const,
    registers: [registry],
  });
  const webhooks = new Counter({
    name: "atrium_webhook_events_total",
    help: "Webhook deliveries by provider, event type and outcome (processed, duplicate, ignored, rejected, failed)",
    labelNames: ["provider", "type", "outcome"] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "atrium_rate_limit_rejections_total",
    help: "Requests refused with 429, by the budget that ran out",
    labelNames: ["budget"] as const,
    registers: [registry],
  });
  const analyzerTokens = new Counter({
    name: "atrium_analyzer_tokens_total",
    help: "Analyzer tokens by provider, model and kind (input or output)",
    labelNames: ["provider", "model", "kind"] as const,
    registers: [registry],
  });
  const analyzerCost = new Counter({
    name: "atrium_analyzer_cost_cents_total",
    help: "Price of analyzer calls in cents, by provider and model",
    labelNames: ["provider", "model"] as const,
    registers: [registry],
  });
  const emails = new Counter({
    name: "atrium_email_sends_total",
    help: "Email delivery attempts by transport and outcome (sent, skipped as already sent, failed)",
    labelNames: ["transport", "outcome"] as const,
    registers: [registry],
  });

  onTelemetry("ledger.entry", (e) => {
    ledgerEntries.inc({ type: e.type, outcome: e.outcome });
    if (e.outcome === "applied") ledgerCents.inc({ direction: e.amountCents < 0 ? "debit" : "credit" }, Math.abs(e.amountCents));
  });
  onTelemetry("webhook.event", (e) => webhooks.inc({ provider: e.provider, type: e.type, outcome: e.outcome }));
  onTelemetry("rate_limit.rejected", (e) => rateLimited.inc({ budget: e.budget }));
  onTelemetry("analyzer.call", (e) => {
    analyzerTokens.inc({ provider: e.provider, model: e.model, kind: "input" }, e.inputTokens);
    analyzerTokens.inc({ provider: e.provider, model: e.model, kind: "output" }, e.outputTokens);
    analyzerCost.inc({ provider: e.provider, model: e.model }, e.costCents);
  });
  onTelemetry("email.send", (e) => emails.inc({ transport: e.transport, outcome: e.outcome }));
}

/** The node-postgres pool numbers worth alerting on: connections in use and callers waiting for one. */
export interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Gauges read at scrape time from every pool handed to `track`, summed. */
export function registerPoolMetrics(registry: Registry): { track: (pool: PoolLike) => void } {
  const pools = new Set<PoolLike>();
  const sum = (pick: (p: PoolLike) => number) => [...pools].reduce((n, p) => n + pick(p), 0);
  const gauge = (name: string, help: string, pick: (p: PoolLike) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(sum(pick));
      },
    });
  gauge("pg_pool_connections_total", "Postgres connections open in the pool", (p) => p.totalCount);
  gauge("pg_pool_connections_idle", "Postgres connections open and idle", (p) => p.idleCount);
  gauge("pg_pool_waiting_clients", "Queries waiting for a free Postgres connection", (p) => p.waitingCount);
  return { track: (pool) => void pools.add(pool) };
}

export type MetricsAccess = "ok" | "unauthorized" | "disabled";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Who may scrape: with METRICS_TOKEN set, only `Authorization: Bearer <token>`
 * (compared in constant time); without it, anyone in development and tests, and
 * nobody in production, so a forgotten token never publishes the numbers.
 */
export function metricsAccess(config: Pick<Env, "METRICS_TOKEN" | "ATRIUM_ENV">, authorization: string | undefined): MetricsAccess {
  if (!config.METRICS_TOKEN) return config.ATRIUM_ENV === "development" || config.ATRIUM_ENV === "test" ? "ok" : "disabled";
  const presented = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim() ?? "";
  return timingSafeEqual(digest(presented), digest(config.METRICS_TOKEN)) ? "ok" : "unauthorized";
}
