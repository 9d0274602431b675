// Issue 12, as operated: event streams on separate api processes sharing one Redis. An event
// published once reaches a stream held by another process, and a stream whose api process is
// restarted resumes (Last-Event-ID) with every event published while it was down; a message sent
// through one api process reaches its receiver's stream on the other.
import { freePort } from "@atrium/db/embedded";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisRealtimePublisher, userTopic, type RealtimePublisher, type TRealtimeEnvelope } from "@atrium/core";
import { apiSpec, createTestStack, readSseData, startService, stopAllServices, waitForApi, type Service, type TestStack } from "@atrium/testing";
import { hashPassword } from "@atrium/core";
import { insertUser } from "@atrium/core/testing";
import { schema } from "@atrium/db";
import { call, token } from "./rest.js";

let stack: TestStack;
let redis: Redis;
let publisher: RealtimePublisher;
const ports: number[] = [];
const services: Service[] = [];
let admin = "";
let adminId = "";

const startApi = async (i: number) => {
  services[i] = startService(apiSpec("dev", { ...stack.env, API_PORT: String(ports[i]) }, `api-${i + 1}`));
  return waitForApi(services[i] as Service, ports[i] ?? 0);
};
const url = (i: number) => `http://127.0.0.1:${ports[i]}`;

beforeAll(async () => {
  stack = await createTestStack({ RATE_LIMIT_ENABLED: "false", LOG_LEVEL: "warn" });
  ports.push(await freePort(), await freePort());
  await Promise.all([startApi(0), startApi(1)]);
  admin = await token(url(0), "admin", "admin123");
  adminId = String(((await call(url(0), "GET", "/api/me/", admin)).body.user as { id: string }).id);
  redis = new Redis(stack.env.REDIS_URL ?? "", { maxRetriesPerRequest: 1 });
  // What the worker and every api process publish through.
  publisher = createRedisRealtimePublisher(redis, stack.env.REDIS_PREFIX ?? "");
}, 120_000);

afterAll(async () => {
  await stopAllServices();
  redis?.disconnect();
  await stack?.db.drop();
});

/** GET /api/events/ read as curl -N would; the response starts once the stream is subscribed. */
async function stream(base: string, lastEventId?: string, bearer = admin) {
  const ac = new AbortController();
  const got: TRealtimeEnvelope[] = [];
  const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, ...(lastEventId ? { "last-event-id": lastEventId } : {}) };
  const res = await fetch(`${base}/api/events/`, { headers, signal: ac.signal });
  expect(res.status).toBe(200);
  const ended = readSseData(res.body as ReadableStream<Uint8Array>, (data) => got.push(JSON.parse(data) as TRealtimeEnvelope));
  return { got, ended, close: () => ac.abort() };
}

const notify = (n: number) => publisher.publish([userTopic(adminId)], { type: "notification.created", notificationId: crypto.randomUUID(), kind: `n${n}` });

describe("event streams across api processes", () => {
  it("delivers an event published once to streams on both processes", async () => {
    const [one, two] = await Promise.all([stream(url(0)), stream(url(1))]);
    await notify(1);
    await expect.poll(() => [one.got.length, two.got.length]).toEqual([1, 1]);
    expect(two.got[0]?.id).toBe(one.got[0]?.id);
    one.close();
    two.close();
  });

  it("resumes a stream after its api process restarted, with every event published while it was down", async () => {
    const before = await stream(url(0));
    await notify(2);
    // A new stream starts with the events of the seconds before it (n1 of the test above): the last one is n2.
    await expect.poll(() => before.got.at(-1)?.event).toMatchObject({ kind: "n2" });
    const last = before.got.at(-1)?.id ?? "";
    // SIGTERM ends open streams at once (the shutdown doesn't wait for them), so the client sees the drop.
    await services[0]?.stop("SIGTERM");
    await before.ended;
    await notify(3);
    await notify(4);
    await startApi(0);
    const after = await stream(url(0), last);
    await notify(5);
    await expect.poll(() => after.got.map((e) => e.event.type === "notification.created" && e.event.kind)).toEqual(["n3", "n4", "n5"]);
    after.close();
  });

  it("delivers a message sent through api process 1 to its receiver's stream on api process 2", async () => {
    const me = (await call(url(0), "GET", "/api/me/", admin)).body as { account: { id: string } };
    const bea = await insertUser(stack.db.db, { username: "bea", email: "bea@example.test", passwordHash: await hashPassword("bea-password-1"), emailVerifiedAt: new Date() });
    await stack.db.db.insert(schema.accountMembers).values({ accountId: me.account.id, userId: bea.id, role: "member" });
    const inbox = await stream(url(1), undefined, await token(url(1), "bea", "bea-password-1"));
    const sent = await call(url(0), "POST", "/api/messages/send/", admin, { receiverId: bea.id, content: "sent on one process, read on the other" });
    expect(sent.status).toBe(200);
    await expect.poll(() => inbox.got.find((e) => e.event.type === "message.created")?.event).toMatchObject({ type: "message.created", senderId: adminId });
    const unread = await call(url(1), "GET", "/api/messages/unread/", await token(url(1), "bea", "bea-password-1"));
    expect(unread.body).toEqual({ unreadCount: 1 });
    inbox.close();
  });
});
