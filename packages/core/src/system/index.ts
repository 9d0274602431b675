// Process-level concerns: health, config report, worker heartbeats, telemetry, metrics.
// Also its own entry (`@atrium/core/system`) for callers that need only these.
export { heartbeatKey, writeHeartbeat, removeHeartbeat, listHeartbeats } from "./heartbeat.service.js";
export { ZWorkerHeartbeat, type TWorkerHeartbeat } from "./heartbeat.schema.js";
export { emitTelemetry, onTelemetry, type TelemetryEvents, type TelemetryName } from "./telemetry.service.js";
export { registerTelemetryMetrics, registerPoolMetrics, metricsAccess, type MetricsAccess, type PoolLike } from "./metrics.service.js";
export { probe, probePostgres, probeRedis, probeStorage, PROBE_TIMEOUT_MS, type ProbeResult } from "./probe.service.js";
export * as healthService from "./health.service.js";
export { configReport } from "./config.service.js";
