import type { Telemetry } from "bullmq";

// Set by startTracing, read where queues and workers are built. A plain module
// variable, no OpenTelemetry import, so untraced processes load none of it.
let bullmq: Telemetry | undefined;

/** BullMQ's OpenTelemetry bridge while tracing is on (links a job's spans to the request that queued it); undefined otherwise. */
export function bullmqTelemetry(): Telemetry | undefined {
  return bullmq;
}

export function setBullmqTelemetry(telemetry: Telemetry | undefined): void {
  bullmq = telemetry;
}
