import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailService, outboxTransport, type ServiceContext } from "@atrium/core";
import { createJobQueues, EMAIL_JOBS, QUEUES, type JobQueues } from "@atrium/core/queues";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";
import { startFakeSmtp, type FakeSmtp } from "./fake-smtp.test-helpers.js";

let smtp: FakeSmtp;
let env: TestWorkerEnv;
let queues: JobQueues;
let ctx: ServiceContext;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  // A real SMTP transport (from SMTP_URL, as in production), talking to the fake server.
  env = await createTestWorkerEnv({ SMTP_URL: smtp.url });
  queues = createJobQueues({ connection: env.redis, prefix: env.config.REDIS_PREFIX });
  ctx = { db: env.db.db, config: env.config, logger: env.deps.logger, now: () => new Date(), jobs: queues };
  await env.start();
});
afterAll(async () => {
  await queues?.close();
  await env?.close();
  await smtp?.stop();
});

const TOKEN = "r3setT0kenAbcdefghijklmnop0123456789";
const resetEmail = (to: string) => ({
  to,
  template: "password_reset" as const,
  data: { username: "ada", resetUrl: `http://app.test/reset-password?token=${TOKEN}`, expiresInMinutes: 60 },
});
const row = async (id: string) => (await emailService.listOutbox(ctx, { limit: 50 })).find((e) => e.id === id);

describe("the outbox keeps no live links", () => {
  it("once SMTP has the email, the stored copy's links are redacted; the recipient got the real one", async () => {
    const { id } = await emailService.queueEmail(ctx, resetEmail("ada@example.test"));
    const sent = await waitFor(async () => (await row(id))?.status === "sent" && row(id), { what: "the email to be sent" });
    expect(smtp.messages.some((m) => m.includes(TOKEN))).toBe(true);
    expect(sent).toMatchObject({ transport: "smtp" });
    expect(`${sent && sent.html}${sent && sent.text}`).not.toContain(TOKEN);
    expect(sent && sent.text).toContain("http://app.test/reset-password?token=[redacted]");
  });

  it("the dev outbox keeps full bodies only for the links' lifetime", async () => {
    const devCtx = { ...ctx, jobs: undefined };
    const old = await emailService.queueEmail(devCtx, resetEmail("old@example.test"));
    const fresh = await emailService.queueEmail(devCtx, resetEmail("fresh@example.test"));
    for (const { id } of [old, fresh]) expect(await emailService.deliverEmail(devCtx, outboxTransport, id)).toBe("sent");
    expect((await row(old.id))?.text).toContain(TOKEN);

    await env.db.pool.query("update email_outbox set created_at = now() - interval '8 days' where id = $1", [old.id]);
    const job = await queues.enqueue(EMAIL_JOBS.redactExpiredLinks, {});
    const maintenance = queues.queue(QUEUES.maintenance);
    await waitFor(async () => (await maintenance.getJobState(job.id)) === "completed", { what: "the redaction sweep" });
    const [aged, recent] = [await row(old.id), await row(fresh.id)];
    expect(`${aged?.html}${aged?.text}`).not.toContain(TOKEN);
    expect(aged?.html).toContain("token=[redacted]");
    expect(recent?.text).toContain(TOKEN);
  });
});
