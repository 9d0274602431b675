import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountTopic,
  createRedisRealtimePublisher,
  creditReserve,
  emailService,
  jobService,
  seedBuiltInFlags,
  realtimeKey,
  STAFF_TOPIC,
  systemJobsService,
  type JobActor,
  type RealtimeTopic,
  type ServiceContext,
  type TRealtimeEvent,
} from "@atrium/core";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";
import { createJob, eventsOf, producerContext, setComputePrice, tenant, uploadFixture, waitForStatus } from "./analysis.test-helpers.js";

// A job's life as its watchers see it: the api (producer) and a real worker publish through
// Redis, and a real subscriber (SUBSCRIBE on the topic's channel) and the topic's backlog
// (XRANGE) receive it, each event under the right topic.
let env: TestWorkerEnv;
let svc: ServiceContext;
let closeProducers: () => Promise<void>;
let dataDir: string;
let t: { accountId: string; actor: JobActor };
let subscriber: Redis;
const live = new Map<string, TRealtimeEvent[]>();
const staff = { userId: "00000000-0000-4000-8000-000000000001", username: "staff", isStaff: true };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-rt-"));
  env = await createTestWorkerEnv({ DATA_DIR: dataDir, JOB_RETRY_BASE_MS: "50" });
  await seedBuiltInFlags({ db: env.db.db });
  const producers = producerContext(env);
  closeProducers = producers.close;
  svc = { ...producers.svc, realtime: createRedisRealtimePublisher(env.redis, env.config.REDIS_PREFIX) };
  // A compute second costs $1, so the run's debit moves the balance.
  await setComputePrice(svc, 100_000);
  t = await tenant(svc);
  await creditReserve(svc.db, { accountId: t.accountId, amountCents: 100_000, idempotencyKey: `seed:${t.accountId}`, reason: "seed" });
  subscriber = new Redis(env.redisUrl);
  subscriber.on("message", (channel: string, message: string) => {
    const body = message.slice(message.indexOf(" ") + 1);
    live.set(channel, [...(live.get(channel) ?? []), (JSON.parse(body) as { event: TRealtimeEvent }).event]);
  });
  await subscriber.subscribe(realtimeKey(env.config.REDIS_PREFIX, accountTopic(t.accountId)), realtimeKey(env.config.REDIS_PREFIX, STAFF_TOPIC));
  await env.start();
});
afterAll(async () => {
  subscriber?.disconnect();
  await closeProducers?.();
  await env?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const liveOn = (topic: RealtimeTopic) => live.get(realtimeKey(env.config.REDIS_PREFIX, topic)) ?? [];
async function backlogOf(topic: RealtimeTopic): Promise<TRealtimeEvent[]> {
  const entries = await env.redis.xrange(realtimeKey(env.config.REDIS_PREFIX, topic), "-", "+");
  return entries.map(([, fields]) => (JSON.parse(fields[1] ?? "{}") as { event: TRealtimeEvent }).event);
}
const ofJob = (events: TRealtimeEvent[], jobId: string) => events.filter((e) => "jobId" in e && e.jobId === jobId);

describe("a job's live events", () => {
  it("statuses go to the account and to staff, every timeline event to the account, the debit as balance.changed", async () => {
    const created = await createJob(svc, t.actor, "noop", { steps: 3, stepMs: 10 });
    await waitForStatus(svc, t.actor, created.id, ["success", "failed"]);
    const timeline = await eventsOf(svc, t.actor, created.id);
    const account = accountTopic(t.accountId);

    // Everything the timeline holds arrived live, in order, with the same ids and seqs the query returns.
    const liveTimeline = await waitFor(() => {
      const got = ofJob(liveOn(account), created.id).flatMap((e) => (e.type === "job.event" ? [e.event] : []));
      return got.length === timeline.length ? got : null;
    }, { what: "the whole timeline, live" });
    expect(liveTimeline).toEqual(timeline);
    expect(ofJob(liveOn(account), created.id).flatMap((e) => (e.type === "job.updated" ? [e.status] : []))).toEqual(["queued", "running", "success"]);
    expect(ofJob(liveOn(STAFF_TOPIC), created.id)).toEqual(
      ["queued", "running", "success"].map((status) => ({ type: "system.job.changed", jobId: created.id, status })),
    );
    // The success's timeline events come before its status, so a view that refetches on the status sees them.
    const accountEvents = ofJob(liveOn(account), created.id);
    expect(accountEvents.at(-1)).toEqual({ type: "job.updated", jobId: created.id, accountId: t.accountId, status: "success" });
    expect(liveOn(account)).toContainEqual({ type: "balance.changed", accountId: t.accountId });
    // Staff's topic never carries a tenant's timeline; the backlog holds what went out live.
    expect(liveOn(STAFF_TOPIC).some((e) => e.type === "job.event" || e.type === "balance.changed")).toBe(false);
    expect(ofJob(await backlogOf(account), created.id)).toEqual(ofJob(liveOn(account), created.id));
  });

  it("cancel and staff retry announce their status changes", async () => {
    const job = await createJob(svc, t.actor, "noop", { steps: 20, stepMs: 200 });
    await jobService.cancelJob(svc, t.actor, job.id);
    await waitForStatus(svc, t.actor, job.id, ["cancelled"]);
    await systemJobsService.retryJob(svc, staff, job.id);
    await waitForStatus(svc, t.actor, job.id, ["queued", "running", "success"]);
    const statuses = await waitFor(() => {
      const s = ofJob(liveOn(STAFF_TOPIC), job.id).map((e) => (e.type === "system.job.changed" ? e.status : "?"));
      return s.includes("queued") && s.lastIndexOf("queued") > s.indexOf("cancelled") ? s : null;
    }, { what: "the retry on staff's topic" });
    expect(statuses.slice(0, 1)).toEqual(["queued"]);
    expect(statuses).toContain("cancelled");
    const types = ofJob(liveOn(accountTopic(t.accountId)), job.id).flatMap((e) => (e.type === "job.event" ? [e.event.type] : []));
    expect(types).toEqual(expect.arrayContaining(["job.queued", "job.retried"]));
  });

  it("a document's extraction reaches its account; an email's queued and sent states reach staff", async () => {
    const documentId = await uploadFixture(svc, t.accountId, "notes.md", "text/markdown");
    await svc.jobs?.enqueue("document.extract", { documentId });
    await waitFor(() => liveOn(accountTopic(t.accountId)).some((e) => e.type === "document.updated" && e.documentId === documentId), { what: "document.updated" });

    const { id: emailId } = await emailService.queueEmail(svc, { to: "ada@example.test", template: "welcome", data: { username: "ada", loginUrl: "http://atrium.test/login" } });
    // Queued (by the api) and sent (by the worker): two announcements, on staff's topic only.
    await waitFor(() => liveOn(STAFF_TOPIC).filter((e) => e.type === "outbox.changed" && e.emailId === emailId).length === 2, { what: "outbox.changed twice" });
    expect(liveOn(accountTopic(t.accountId)).some((e) => e.type === "outbox.changed")).toBe(false);
  });
});
