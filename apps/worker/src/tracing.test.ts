import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "@atrium/core";
import { freePort } from "@atrium/db/embedded";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "./testing.js";

// The api and the worker as real processes, preloaded with their instrument.ts, sending OTLP/HTTP JSON
// to a stand-in collector: the HTTP boundary where spans arrive.
const workerDir = fileURLToPath(new URL("..", import.meta.url));
const apiDir = fileURLToPath(new URL("../../api", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

interface Span {
  service: string;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  links?: Array<{ traceId: string }>;
}
const spans: Span[] = [];
let collector: Server;
let env: TestWorkerEnv;
const children: ChildProcess[] = [];
let output = "";

function collect(body: string) {
  const doc = JSON.parse(body) as {
    resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> }; scopeSpans: Array<{ scope: { name: string }; spans: Omit<Span, "service" | "scope">[] }> }>;
  };
  for (const rs of doc.resourceSpans) {
    const service = rs.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue ?? "";
    for (const ss of rs.scopeSpans) for (const s of ss.spans) spans.push({ ...s, service, scope: ss.scope.name });
  }
}

function start(cwd: string, extra: Record<string, string>) {
  const child = spawn(tsx, ["--import", "./src/instrument.ts", "src/main.ts"], {
    cwd,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", DATABASE_URL: env.db.url, REDIS_URL: env.redisUrl, REDIS_PREFIX: env.config.REDIS_PREFIX, RATE_LIMIT_ENABLED: "false", ...extra },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: tsx's CLI runs the program in a child node, which a kill of the CLI alone orphans.
    detached: true,
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  children.push(child);
}

beforeAll(async () => {
  collector = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.url === "/v1/traces") collect(body);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  env = await createTestWorkerEnv();
  await bootstrap({ db: env.db.db, config: env.config, logger: env.deps.logger, now: () => new Date() });
});
afterAll(async () => {
  for (const c of children) {
    try {
      if (c.pid) process.kill(-c.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await env?.close();
  await new Promise((r) => collector?.close(r));
});

describe("OTEL_EXPORTER_OTLP_ENDPOINT", () => {
  it("traces a request through express, pg and ioredis in the api, and on into the worker's job", async () => {
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const apiPort = await freePort();
    start(apiDir, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, API_PORT: String(apiPort) });
    start(workerDir, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, WORKER_HTTP_PORT: "0" });
    const api = `http://127.0.0.1:${apiPort}`;
    await waitFor(async () => (await fetch(`${api}/api/healthz/`).catch(() => null))?.ok, { timeoutMs: 60_000, what: () => `the api; output:\n${output}` });

    // A password reset queues an email job that the worker sends.
    const res = await fetch(`${api}/api/auth/password/reset/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: env.config.BOOTSTRAP_ADMIN_EMAIL }) });
    expect(res.status).toBe(200);

    const request = await waitFor(() => spans.find((s) => s.service === "atrium-api" && s.scope === "@opentelemetry/instrumentation-http" && s.name.startsWith("POST") && !s.parentSpanId), {
      timeoutMs: 20_000,
      what: () => `the api's request span; got ${spans.length} spans; output:\n${output}`,
    });
    const inTrace = (service: string) => spans.filter((s) => s.service === service && (s.traceId === request.traceId || s.links?.some((l) => l.traceId === request.traceId)));
    const job = await waitFor(() => inTrace("atrium-worker").length > 0 && inTrace("atrium-worker"), { timeoutMs: 20_000, what: () => `worker spans in the request's trace; output:\n${output}` });

    const apiScopes = new Set(inTrace("atrium-api").map((s) => s.scope));
    expect([...apiScopes]).toEqual(expect.arrayContaining(["@opentelemetry/instrumentation-http", "@opentelemetry/instrumentation-express", "@opentelemetry/instrumentation-pg", "@opentelemetry/instrumentation-ioredis"]));
    // BullMQ carries the trace: the api's "add" span and the worker's "process" span belong to the request's trace.
    expect(inTrace("atrium-api").map((s) => s.name)).toContain("add notifications.email.send");
    expect(job.map((s) => s.name)).toContain("process notifications");
    expect(job.map((s) => s.scope)).toContain("@opentelemetry/instrumentation-pg");
  }, 120_000);
});
