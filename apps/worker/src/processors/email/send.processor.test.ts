import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailService, type EmailTransport, type ServiceContext } from "@atrium/core";
import { createJobQueues, EMAIL_JOBS, QUEUES, type JobQueues } from "@atrium/core/queues";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";

let env: TestWorkerEnv;
let queues: JobQueues;
let ctx: ServiceContext;
const delivered: string[] = [];
// Addresses at bounce.test fail, like an SMTP server refusing them.
const transport: EmailTransport = {
  name: "smtp",
  send: async (e) => {
    if (e.to.endsWith("@bounce.test")) throw new Error("550 mailbox unavailable");
    delivered.push(e.to);
  },
};

beforeAll(async () => {
  env = await createTestWorkerEnv();
  queues = createJobQueues({ connection: env.redis, prefix: env.config.REDIS_PREFIX });
  ctx = { db: env.db.db, config: env.config, logger: env.deps.logger, now: () => new Date(), jobs: queues };
  await env.start({ emailTransport: transport });
});
afterAll(async () => {
  await queues?.close();
  await env?.close();
});

const outboxRow = async (id: string) => (await emailService.listOutbox(ctx, { limit: 50 })).find((e) => e.id === id);
const welcome = (to: string) => ({ to, template: "welcome" as const, data: { username: "ada", loginUrl: "http://localhost/login" } });

describe("email.send", () => {
  it("delivers an email queued by the service and marks it sent", async () => {
    const { id } = await emailService.queueEmail(ctx, welcome("ada@example.test"));
    const row = await waitFor(async () => (await outboxRow(id))?.status === "sent" && outboxRow(id), { what: "the email to be sent" });
    expect(row).toMatchObject({ status: "sent", transport: "smtp", attempts: 1, error: null });
    expect(delivered).toContain("ada@example.test");
  });

  it("retries a failing delivery, then marks the email failed with the error", async () => {
    const { id } = await emailService.queueEmail({ ...ctx, jobs: undefined }, welcome("ghost@bounce.test"));
    const job = await queues.enqueue(EMAIL_JOBS.send, { emailId: id }, { attempts: 2, backoff: { type: "fixed", delay: 10 } });
    const queue = queues.queue(QUEUES.notifications);
    await waitFor(async () => (await queue.getJobState(job.id)) === "failed", { what: "the job to fail" });
    expect((await queue.getJob(job.id))?.attemptsMade).toBe(2);
    expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: 2, error: "550 mailbox unavailable" });
  });

  it("fails at once, without retries, when the email row doesn't exist", async () => {
    const job = await queues.enqueue(EMAIL_JOBS.send, { emailId: randomUUID() });
    const queue = queues.queue(QUEUES.notifications);
    await waitFor(async () => (await queue.getJobState(job.id)) === "failed", { what: "the job to fail" });
    const failed = await queue.getJob(job.id);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/not found/);
  });
});

describe("email.requeue-stale", () => {
  it("sends an email whose job never reached Redis once it is old enough", async () => {
    // Written without a queue handle, as if Redis had been down when it was queued.
    const { id } = await emailService.queueEmail({ ...ctx, jobs: undefined }, welcome("late@example.test"));
    const notYet = await queues.enqueue(EMAIL_JOBS.requeueStale, { olderThanMinutes: 10 });
    const maintenance = queues.queue(QUEUES.maintenance);
    await waitFor(async () => (await maintenance.getJobState(notYet.id)) === "completed", { what: "the first sweep" });
    expect((await outboxRow(id))?.status).toBe("queued");

    await env.db.pool.query("update email_outbox set created_at = now() - interval '20 minutes' where id = $1", [id]);
    await queues.enqueue(EMAIL_JOBS.requeueStale, { olderThanMinutes: 10 });
    const row = await waitFor(async () => (await outboxRow(id))?.status === "sent" && outboxRow(id), { what: "the late email to be sent" });
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
  });
});
