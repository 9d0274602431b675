// Preloaded before main (`tsx --import ./src/instrument.ts src/main.ts`, or `node --import` on the build):
// with OTEL_EXPORTER_OTLP_ENDPOINT set it starts OpenTelemetry tracing, which must hook modules as they load.
// Without it this loads nothing but the env schema.
import { startTracingFromEnv } from "@atrium/core/tracing";

await startTracingFromEnv("atrium-worker");
