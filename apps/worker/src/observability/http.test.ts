import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditReserve, emailService, type EmailTransport, type JobActor, type ServiceContext } from "@atrium/core";
import { freePort } from "@atrium/db/embedded";
import type { RunningWorker } from "../index.js";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../testing.js";
import { createJob, producerContext, setComputePrice, tenant, uploadFixture, waitForStatus } from "../processors/analysis/analysis.test-helpers.js";
import { startWorkerHttp, type WorkerHttp } from "./http.js";

let env: TestWorkerEnv;
let svc: ServiceContext;
let closeProducers: () => Promise<void>;
let dataDir: string;
let worker: RunningWorker;
let http: WorkerHttp | null;
let base: string;
let t: { accountId: string; actor: JobActor };
const sent: string[] = [];
const transport: EmailTransport = { name: "smtp", send: async (e) => void sent.push(e.to) };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-worker-http-"));
  env = await createTestWorkerEnv({ DATA_DIR: dataDir });
  ({ svc, close: closeProducers } = producerContext(env));
  await setComputePrice(svc, 100_000);
  t = await tenant(svc);
  await creditReserve(svc.db, { accountId: t.accountId, amountCents: 100_000, idempotencyKey: `seed:${t.accountId}`, reason: "seed" });
  worker = await env.start({ emailTransport: transport });
  http = await startWorkerHttp({ config: env.config, db: env.db.db, redisUrl: env.redisUrl, logger: env.deps.logger, worker: Promise.resolve(worker), port: await freePort(), host: "127.0.0.1" });
  base = `http://127.0.0.1:${http?.port}`;
});
afterAll(async () => {
  await http?.close();
  await closeProducers?.();
  await env?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const get = async (p: string) => {
  const res = await fetch(`${base}${p}`);
  return { status: res.status, text: await res.text() };
};
const sample = (text: string, name: string, labels: Record<string, string>) => {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && want.every((w) => l.includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
};

describe("the worker's HTTP server", () => {
  it("answers /healthz and /readyz on its own port", async () => {
    expect((await get("/healthz")).status).toBe(200);
    // Ready once its own fail-fast Redis client has connected: until then /readyz rightly says 503 (a loaded machine shows it).
    await expect.poll(async () => (await get("/readyz")).status, { timeout: 15_000 }).toBe(200);
    const ready = await get("/readyz");
    expect(JSON.parse(ready.text)).toMatchObject({ status: "ok", checks: { postgres: { ok: true }, redis: { ok: true }, worker: { ok: true } } });
  });

  it("exports job durations, queue counts, email sends, analyzer tokens and cost, and ledger debits", async () => {
    // Counters belong to the process, which other test files may share (vitest without isolation): count what this test adds.
    const before = (await get("/metrics")).text;
    const added = (text: string, name: string, labels: Record<string, string>) => sample(text, name, labels) - sample(before, name, labels);
    const { id } = await emailService.queueEmail(svc, { to: "ada@example.test", template: "welcome", data: { username: "ada", loginUrl: "http://localhost/login" } });
    await waitFor(async () => (await emailService.listOutbox(svc, { limit: 10 })).find((e) => e.id === id)?.status === "sent", { what: "the email to be sent" });
    const documentId = await uploadFixture(svc, t.accountId, "resume.pdf", "application/pdf");
    const job = await waitForStatus(svc, t.actor, (await createJob(svc, t.actor, "document_analysis", { documentId })).id, ["success", "failed"]);
    expect(job.status, job.error ?? "").toBe("success");

    const { status, text } = await get("/metrics");
    expect(status).toBe(200);
    expect(added(text, "atrium_email_sends_total", { transport: "smtp", outcome: "sent" })).toBe(1);
    expect(added(text, "atrium_job_duration_seconds_count", { queue: "notifications", job: "email.send", outcome: "success" })).toBe(1);
    expect(added(text, "atrium_job_duration_seconds_count", { queue: "ai_analysis", job: "analysis.run", outcome: "success" })).toBe(1);
    expect(sample(text, "atrium_queue_jobs", { queue: "notifications", state: "completed" })).toBe(1);
    expect(added(text, "atrium_analyzer_tokens_total", { provider: "local", kind: "input" })).toBeGreaterThan(0);
    expect(sample(text, "atrium_analyzer_cost_cents_total", { provider: "local" })).toBeGreaterThanOrEqual(0);
    expect(added(text, "atrium_ledger_entries_total", { type: "debit", outcome: "applied" })).toBe(1);
    expect(added(text, "atrium_ledger_amount_cents_total", { direction: "debit" })).toBe(job.costCents);
    expect(text).toMatch(/^pg_pool_connections_total \d+/m);
  });

  it("wants the METRICS_TOKEN bearer token when one is set", async () => {
    const token = "worker-scrape-token-0123456789";
    const locked = await startWorkerHttp({ config: { ...env.config, METRICS_TOKEN: token }, db: env.db.db, redisUrl: env.redisUrl, logger: env.deps.logger, worker: Promise.resolve(worker), port: await freePort(), host: "127.0.0.1" });
    try {
      const url = `http://127.0.0.1:${locked?.port}`;
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      expect((await fetch(`${url}/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
      expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      // Health stays open for the orchestrator's probes.
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await locked?.close();
    }
  });

  it("reports not ready once the worker is draining", async () => {
    await worker.stop();
    const ready = await get("/readyz");
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ checks: { worker: { ok: false } } });
  });
});
