import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountTopic, publishEvent, userTopic, type TRealtimeEvent } from "@atrium/core";
import { startTestApi, type TestApi } from "../testing.js";
import { subscribed, TRANSPORTS, type OpenStream } from "../realtime/sse.test-helpers.js";
import { newTenant } from "./tenancy.test-helpers.js";

// A client reads what it shows, then opens its stream: what is published in between must still reach it.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ REALTIME_OPEN_REPLAY_SECONDS: "10" });
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const publish = (topics: Parameters<typeof publishEvent>[1], event: TRealtimeEvent) => publishEvent(api.svc, topics, event);
const notice = () => ({ type: "notification.created", notificationId: randomUUID(), kind: "test" }) satisfies TRealtimeEvent;
const jobDone = (accountId: string): TRealtimeEvent => ({ type: "job.updated", jobId: randomUUID(), accountId, status: "success" });

describe.each(Object.keys(TRANSPORTS) as Array<keyof typeof TRANSPORTS>)("a stream opened over %s without Last-Event-ID", (transport) => {
  const open = TRANSPORTS[transport];

  it("starts with its own topics' events published just before it, then live ones, each once; never another tenant's", async () => {
    const a = await newTenant(api, `replay-a-${transport}`);
    const b = await newTenant(api, `replay-b-${transport}`);
    // What happened after the clients' reads: A's job ended, B's job ended, a notice for B's owner.
    const aDone = jobDone(a.account.id);
    const bDone = jobDone(b.account.id);
    const bNotice = notice();
    await publish([accountTopic(a.account.id)], aDone);
    await publish([accountTopic(b.account.id)], bDone);
    await publish([userTopic(b.owner.user.id)], bNotice);
    const streams = { a: open(api, a.owner.token), b: open(api, b.owner.token) };
    await subscribed(api, [a.owner.user, b.owner.user]);
    // A last live event to both: once each has it, nothing earlier can still be on its way.
    const marker = notice();
    await publish([userTopic(a.owner.user.id), userTopic(b.owner.user.id)], marker);
    const hasMarker = (s: OpenStream) => s.got.some((e) => e.event.type === "notification.created" && e.event.notificationId === marker.notificationId);
    await expect.poll(() => hasMarker(streams.a) && hasMarker(streams.b)).toBe(true);
    for (const s of Object.values(streams)) s.close();
    await Promise.all(Object.values(streams).map((s) => s.ended));
    expect(streams.a.got.map((e) => e.event)).toEqual([aDone, marker]);
    expect(streams.b.got.map((e) => e.event)).toEqual([bDone, bNotice, marker]);
  });
});
