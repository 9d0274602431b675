import { register } from "node:module";
import { loadConfig } from "@atrium/config";
import { setBullmqTelemetry } from "./tracing-state.service.js";

export { bullmqTelemetry } from "./tracing-state.service.js";

export interface Tracing {
  /** Sends the spans still buffered; call before exiting. */
  shutdown: () => Promise<void>;
}

/**
 * OpenTelemetry traces over OTLP/HTTP (JSON) to `endpoint` (`/v1/traces` is
 * appended, as OTEL_EXPORTER_OTLP_ENDPOINT means): http, express, pg and
 * ioredis spans, and BullMQ spans that continue the trace of the request that
 * queued the job. Everything is imported here, lazily. Must run before the app's
 * own imports (node --import), since ESM modules are hooked as they load.
 */
export async function startTracing(opts: { endpoint: string; serviceName: string }): Promise<Tracing> {
  const { createAddHookMessageChannel } = await import("import-in-the-middle");
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register("import-in-the-middle/hook.mjs", import.meta.url, registerOptions);

  const [{ NodeTracerProvider }, { BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { registerInstrumentations }] = await Promise.all([
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/sdk-trace-base"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/instrumentation"),
  ]);
  const [{ HttpInstrumentation }, { ExpressInstrumentation }, { PgInstrumentation }, { IORedisInstrumentation }, { BullMQOtel }] = await Promise.all([
    import("@opentelemetry/instrumentation-http"),
    import("@opentelemetry/instrumentation-express"),
    import("@opentelemetry/instrumentation-pg"),
    import("@opentelemetry/instrumentation-ioredis"),
    import("bullmq-otel"),
  ]);
  const exporter = new OTLPTraceExporter({ url: `${opts.endpoint.replace(/\/$/, "")}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": opts.serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1000 })],
  });
  provider.register();
  registerInstrumentations({ instrumentations: [new HttpInstrumentation(), new ExpressInstrumentation(), new PgInstrumentation(), new IORedisInstrumentation()] });
  setBullmqTelemetry(new BullMQOtel({ tracerName: opts.serviceName }));
  await waitForAllMessagesAcknowledged();
  return { shutdown: () => provider.shutdown() };
}

/** Starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set. A bad environment is left to main, which reports it all at once. */
export async function startTracingFromEnv(serviceName: string): Promise<Tracing | null> {
  let endpoint: string | undefined;
  try {
    endpoint = loadConfig().OTEL_EXPORTER_OTLP_ENDPOINT;
  } catch {
    return null;
  }
  return endpoint ? startTracing({ endpoint, serviceName }) : null;
}
