import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeStaleInviteKeys, sweepStalledJobs, type JobActor, type ServiceContext } from "@atrium/core";
import { schema } from "@atrium/db";
import { createTestWorkerEnv, type TestWorkerEnv } from "../../testing.js";
import { createJob, eventsOf, producerContext, setComputePrice, tenant } from "./analysis.test-helpers.js";

let env: TestWorkerEnv;
let svc: ServiceContext;
let closeProducers: () => Promise<void>;
let t: { accountId: string; actor: JobActor };

beforeAll(async () => {
  env = await createTestWorkerEnv({ JOB_RUNNING_DEADLINE_MINUTES: "30" });
  ({ svc, close: closeProducers } = producerContext(env));
  await setComputePrice(svc, 10);
  t = await tenant(svc);
});
afterAll(async () => {
  await closeProducers?.();
  await env?.close();
});

/** A job that claims to be running, last touched `minutesAgo` ago. */
async function runningJob(minutesAgo: number): Promise<string> {
  const job = await createJob(svc, t.actor, "noop", {});
  await svc.db.update(schema.jobs).set({ status: "running", updatedAt: new Date(Date.now() - minutesAgo * 60_000) }).where(eq(schema.jobs.id, job.id));
  return job.id;
}

describe("scheduled sweeps", () => {
  it("fails jobs stuck in running past the deadline that no BullMQ job holds; leaves fresh ones and ones BullMQ still has", async () => {
    const orphan = await runningJob(45);
    await svc.jobs?.queue("ai_analysis").remove(orphan);
    const stillQueued = await runningJob(45);
    const fresh = await runningJob(1);
    await svc.jobs?.queue("ai_analysis").remove(fresh);

    const { failed } = await sweepStalledJobs(svc);
    expect(failed).toEqual([orphan]);
    const status = async (id: string) => (await svc.db.select().from(schema.jobs).where(eq(schema.jobs.id, id)))[0];
    expect(await status(orphan)).toMatchObject({ status: "failed", error: "No progress for over 30 minutes and no worker holds it; marked failed" });
    expect((await eventsOf(svc, t.actor, orphan)).at(-1)).toMatchObject({ type: "job.failed", data: { reason: "stalled" } });
    // Its starter hears it failed (the bell; it ran long enough for the email too).
    const notices = await svc.db.select().from(schema.notifications).where(eq(schema.notifications.userId, t.actor.userId));
    expect(notices.map((n) => [n.kind, n.link])).toEqual([["job.failed", `/jobs/${orphan}`]]);
    expect((await status(stillQueued))?.status).toBe("running");
    expect((await status(fresh))?.status).toBe("running");
    expect((await sweepStalledJobs(svc)).failed).toEqual([]);
  });

  it("purges unused invite keys that died long ago, keeping used, live and recently expired ones", async () => {
    const day = 86_400_000;
    const key = (n: string, expiresAgoDays: number, extra: Partial<typeof schema.inviteKeys.$inferInsert> = {}) => ({ keyHash: `h-${n}`, prefix: n, expiresAt: new Date(Date.now() - expiresAgoDays * day), ...extra });
    await svc.db.insert(schema.inviteKeys).values([
      key("old", 120),
      key("recent", 10),
      key("live", -10),
      key("old-used", 120, { usedAt: new Date(Date.now() - 200 * day) }),
      key("revoked-long-ago", -400, { revokedAt: new Date(Date.now() - 100 * day) }),
    ]);
    expect(await purgeStaleInviteKeys(svc, 90)).toEqual({ deleted: 2 });
    const left = (await svc.db.select({ prefix: schema.inviteKeys.prefix }).from(schema.inviteKeys)).map((r) => r.prefix).sort();
    expect(left).toEqual(["live", "old-used", "recent"]);
  });
});
