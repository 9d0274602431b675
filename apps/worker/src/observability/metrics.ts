import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { QUEUES, type JobQueues, type QueueName } from "@atrium/core/queues";
import { probe, registerPoolMetrics, registerTelemetryMetrics } from "@atrium/core/system";

/**
 * The worker process's one registry, module-level like its telemetry channels:
 * business counters from core (ledger debits, analyzer tokens and cost, email
 * sends), job durations from the dispatcher, queue depths read at scrape time.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });
registerTelemetryMetrics(registry);
export const pools = registerPoolMetrics(registry);

export const jobDuration = new Histogram({
  name: "atrium_job_duration_seconds",
  help: "Job processing time by queue, job type and outcome (success or failed; a failed attempt may be retried)",
  labelNames: ["queue", "job", "outcome"] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [registry],
});

const STATES = ["waiting", "prioritized", "active", "delayed", "failed", "completed"] as const;
let countQueues: JobQueues | undefined;

/** Where the queue gauges read their counts from; set by the worker's HTTP server. */
export function countJobsWith(queues: JobQueues | undefined): void {
  countQueues = queues;
}

new Gauge({
  name: "atrium_queue_jobs",
  help: "Jobs in each queue by state, read from Redis at scrape time",
  labelNames: ["queue", "state"] as const,
  registers: [registry],
  async collect() {
    this.reset();
    const queues = countQueues;
    if (!queues) return;
    // Redis being away must not fail the whole scrape: the queue gauges go missing, the rest still answers.
    const r = await probe(() => Promise.all((Object.values(QUEUES) as QueueName[]).map(async (q) => [q, await queues.queue(q).getJobCounts(...STATES)] as const)));
    if (!r.ok) return;
    for (const [queue, counts] of r.value) for (const state of STATES) this.set({ queue, state }, counts[state] ?? 0);
  },
});
