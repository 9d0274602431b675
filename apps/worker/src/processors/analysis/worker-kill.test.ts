import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditReserve, type JobActor, type ServiceContext } from "@atrium/core";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";
import { createJob, debitsOf, eventsOf, producerContext, setComputePrice, tenant, waitForStatus } from "./analysis.test-helpers.js";

const WORKER_DIR = fileURLToPath(new URL("../../../", import.meta.url));

let env: TestWorkerEnv;
let svc: ServiceContext;
let closeProducers: () => Promise<void>;
let dataDir: string;
let t: { accountId: string; actor: JobActor };
const children: ChildProcess[] = [];

/**
 * A real worker process on the test's database and Redis prefix: node with the
 * tsx loader, not the tsx CLI, which would put a second process between the
 * signal and the worker.
 */
function spawnWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: WORKER_DIR,
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      DATABASE_URL: env.config.DATABASE_URL,
      REDIS_URL: env.redisUrl,
      REDIS_PREFIX: env.config.REDIS_PREFIX,
      DATA_DIR: dataDir,
      // A killed worker's job is handed to another after about a second, not the default 30.
      WORKER_STALLED_INTERVAL_MS: "1000",
      // No HTTP server: tests never take the default port.
      WORKER_HTTP_PORT: "0",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-kill-"));
  env = await createTestWorkerEnv({ DATA_DIR: dataDir });
  ({ svc, close: closeProducers } = producerContext(env));
  await setComputePrice(svc, 100_000);
  t = await tenant(svc);
  await creditReserve(svc.db, { accountId: t.accountId, amountCents: 100_000, idempotencyKey: `seed:${t.accountId}`, reason: "seed" });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGTERM");
  await Promise.all(children.map(exited));
  await closeProducers?.();
  await env?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("a worker killed mid-job", () => {
  it("SIGKILLed while running: a new worker picks the job up after the stalled interval, finishes it, and it is charged once", async () => {
    const first = spawnWorker();
    const job = await createJob(svc, t.actor, "noop", { steps: 8, stepMs: 250 });
    await waitFor(async () => (await eventsOf(svc, t.actor, job.id)).filter((e) => e.type === "step").length >= 2, { timeoutMs: 30_000, what: "two steps on the first worker" });
    first.kill("SIGKILL");
    await exited(first);
    expect((await waitForStatus(svc, t.actor, job.id, ["running"])).status).toBe("running");

    spawnWorker();
    const done = await waitForStatus(svc, t.actor, job.id, ["success", "failed", "cancelled"], 45_000);
    expect(done.status).toBe("success");
    const events = await eventsOf(svc, t.actor, job.id);
    const runs = events.filter((e) => e.type === "job.running");
    expect(runs).toHaveLength(2);
    expect(runs[1]?.data).toMatchObject({ recovered: true });
    expect(events.filter((e) => e.type === "job.succeeded")).toHaveLength(1);
    const debits = await debitsOf(svc, job.id);
    expect(debits).toHaveLength(1);
    expect(debits[0]?.amountCents).toBe(-(done.costCents ?? 0));
    expect(done.costCents).toBeGreaterThan(0);
  }, 90_000);

  it("SIGKILLed with many jobs in flight (their writes batched together): every job finishes once, charged once, its timeline whole", async () => {
    // Group commit: the worker writes the steps and finishes of all its running jobs together and acknowledges a
    // job to BullMQ only after the flush holding its finish committed. Killed mid-flush or mid-step, nothing it
    // acknowledged is lost: every job ends up finished exactly once, by this worker or the next.
    const tenants = await Promise.all([1, 2, 3].map(async () => {
      const x = await tenant(svc);
      await creditReserve(svc.db, { accountId: x.accountId, amountCents: 100_000, idempotencyKey: `seed:${x.accountId}`, reason: "seed" });
      return x;
    }));
    const first = spawnWorker();
    const jobs = await Promise.all(tenants.flatMap((x) => [1, 2].map(() => createJob(svc, x.actor, "noop", { steps: 6, stepMs: 200 }))));
    const owner = (id: string) => tenants.find((x) => x.accountId === jobs.find((j) => j.id === id)?.accountId) ?? t;
    const stepsOf = async (id: string) => (await eventsOf(svc, owner(id).actor, id)).filter((e) => e.type === "step").length;
    await waitFor(async () => (await Promise.all(jobs.map((j) => stepsOf(j.id)))).filter((n) => n >= 2).length >= 4, { timeoutMs: 30_000, what: "four jobs two steps in" });
    first.kill("SIGKILL");
    await exited(first);

    spawnWorker();
    for (const job of jobs) {
      const done = await waitForStatus(svc, owner(job.id).actor, job.id, ["success", "failed", "cancelled"], 60_000);
      expect(done.status).toBe("success");
      const events = await eventsOf(svc, owner(job.id).actor, job.id);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events[0]?.type).toBe("job.queued");
      expect(events.filter((e) => e.type === "job.succeeded")).toHaveLength(1);
      expect(events.at(-1)?.type).toBe("job.succeeded");
      const debits = await debitsOf(svc, job.id);
      expect(debits).toHaveLength(1);
      expect(debits[0]?.amountCents).toBe(-(done.costCents ?? 0));
    }
  }, 120_000);
});
