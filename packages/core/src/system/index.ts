// Server-side entry for process-level concerns (worker heartbeats), kept out of
// the main entry so it adds no Redis client to code that doesn't need one.
export { heartbeatKey, writeHeartbeat, removeHeartbeat, listHeartbeats } from "./heartbeat.js";
export { ZWorkerHeartbeat, type TWorkerHeartbeat } from "./heartbeat.schema.js";
export { emitTelemetry, onTelemetry, type TelemetryEvents, type TelemetryName } from "./telemetry.js";
export { registerTelemetryMetrics, registerPoolMetrics, metricsAccess, type MetricsAccess, type PoolLike } from "./metrics.js";
export { probe, probePostgres, probeRedis, probeStorage, PROBE_TIMEOUT_MS, type ProbeResult } from "./probes.js";
