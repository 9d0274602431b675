import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, loadConfig } from "@atrium/config";
import { createTestDatabase, testInfraUrls, testRedisPrefix, type TestDatabase } from "@atrium/db/testing";
import { outboxTransport, type EmailTransport } from "../email/transport.service.js";
import { createJobQueues, type JobQueues } from "../jobs/enqueue.js";
import { QUEUES } from "../jobs/queues.js";
import { SESSION_JOBS } from "../jobs/sessions.jobs.js";
import type { ServiceContext } from "../shared/context.js";
import { storageFromConfig } from "../storage/index.js";
import { systemHealth } from "./health.service.js";

let db: TestDatabase;
let redis: Redis;
let queueConnection: Redis;
let jobs: JobQueues;
let ctx: ServiceContext;
let dataDir: string;
beforeAll(async () => {
  const infra = testInfraUrls();
  db = await createTestDatabase(infra.pgAdminUrl);
  dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-health-"));
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: db.url, REDIS_URL: infra.redisUrl, REDIS_PREFIX: testRedisPrefix(), DATA_DIR: dataDir });
  redis = new Redis(infra.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  queueConnection = new Redis(infra.redisUrl, { maxRetriesPerRequest: null });
  jobs = createJobQueues({ connection: queueConnection, prefix: config.REDIS_PREFIX });
  ctx = { db: db.db, config, logger: createLogger(config, "health-test"), now: () => new Date(), jobs };
});
afterAll(async () => {
  await jobs?.close();
  redis?.disconnect();
  queueConnection?.disconnect();
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

const deps = (emailTransport: EmailTransport = outboxTransport) => ({ redis, storage: storageFromConfig(ctx.config), emailTransport });

describe("systemHealth", () => {
  it("counts a queue's failures of the last hour and marks it degraded", async () => {
    // A real BullMQ worker that fails the job for good: the failed set is BullMQ's, not ours.
    const worker = new Worker(QUEUES.maintenance, async () => {
      throw new UnrecoverableError("boom");
    }, { connection: queueConnection, prefix: ctx.config.REDIS_PREFIX });
    try {
      const job = await jobs.enqueue(SESSION_JOBS.purgeExpired, {});
      const queue = jobs.queue(QUEUES.maintenance);
      for (let i = 0; i < 100 && (await queue.getJobState(job.id)) !== "failed"; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await worker.close();
    }
    const health = await systemHealth(ctx, deps());
    const maintenance = health.checks.find((c) => c.kind === "queue" && c.name === QUEUES.maintenance);
    expect(maintenance).toMatchObject({ status: "degraded", message: "1 failed in the last hour", details: { failed: 1, failedLastHour: 1 } });
    expect(health.checks.find((c) => c.kind === "queue" && c.name === QUEUES.notifications)).toMatchObject({ status: "ok", details: { failedLastHour: 0 } });
  });

  it("marks an email transport that can't connect as down, with its error for staff", async () => {
    const refusing: EmailTransport = { name: "smtp", send: async () => {}, verify: async () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:2525")) };
    const health = await systemHealth(ctx, deps(refusing));
    expect(health.checks.find((c) => c.kind === "email")).toMatchObject({ status: "down", name: "smtp", message: "connect ECONNREFUSED 127.0.0.1:2525" });
    expect(health.status).toBe("degraded");
  });

  it("is down when Postgres is", async () => {
    const { createDb } = await import("@atrium/db");
    const dead = createDb("postgres://nobody:nothing@127.0.0.1:1/none");
    try {
      const health = await systemHealth({ ...ctx, db: dead.db }, deps());
      expect(health.checks.find((c) => c.kind === "postgres")?.status).toBe("down");
      expect(health.status).toBe("down");
    } finally {
      await dead.close();
    }
  });
});
