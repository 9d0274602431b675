import { collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { registerPoolMetrics, registerTelemetryMetrics } from "@atrium/core/system";

/**
 * The api process's one registry. Module-level on purpose: the telemetry
 * channels and Node's process metrics are per process, so every app built in
 * this process (tests build several) reports into the same numbers.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });
registerTelemetryMetrics(registry);
export const pools = registerPoolMetrics(registry);

export const httpDuration = new Histogram({
  name: "http_request_duration_seconds",
  help: "HTTP request duration by route template, method and status code",
  labelNames: ["route", "method", "status_code"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
