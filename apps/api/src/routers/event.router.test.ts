import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountTopic, MAX_STREAMS_PER_USER, publishEvent, STAFF_TOPIC, userTopic, type TRealtimeEvent } from "@atrium/core";
import { randomUUID } from "node:crypto";
import { startTestApi, type TestApi } from "../testing.js";
import { restStream, subscribed, TRANSPORTS, type OpenStream } from "../realtime/sse.test-helpers.js";
import { newTenant, newUser, type TestUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let a: Awaited<ReturnType<typeof newTenant>>;
let b: Awaited<ReturnType<typeof newTenant>>;
let staff: TestUser;
beforeAll(async () => {
  api = await startTestApi();
  a = await newTenant(api, "rt-a");
  b = await newTenant(api, "rt-b");
  staff = await newUser(api, "rt-staff", { isStaff: true });
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const publish = (topics: Parameters<typeof publishEvent>[1], event: TRealtimeEvent) => publishEvent(api.svc, topics, event);
const balance = (accountId: string): TRealtimeEvent => ({ type: "balance.changed", accountId });
const notice = (): TRealtimeEvent => ({ type: "notification.created", notificationId: randomUUID(), kind: "test" });
const systemJob = (): TRealtimeEvent => ({ type: "system.job.changed", jobId: randomUUID(), status: "queued" });
const closeAll = async (streams: OpenStream[]) => {
  for (const s of streams) s.close();
  await Promise.all(streams.map((s) => s.ended));
};

describe("GET /api/events/", () => {
  it("answers 401 without credentials, and 400 to a Last-Event-ID that is no event id", async () => {
    const anonymous = restStream(api, null);
    expect(await anonymous.status).toBe(401);
    const garbage = restStream(api, a.owner.token, { lastEventId: "abc" });
    expect(await garbage.status).toBe(400);
    expect(await garbage.body).toContain("lastEventId");
    const query = restStream(api, a.owner.token, { query: "?lastEventId=1%3B2" });
    expect(await query.status).toBe(400);
  });

  it("resumes after Last-Event-ID with every event missed, in order, without a gap or a repeat", async () => {
    const first = restStream(api, a.owner.token);
    await subscribed(api, [a.owner.user]);
    await publish([accountTopic(a.account.id)], balance(a.account.id));
    await expect.poll(() => first.got.length).toBe(1);
    await closeAll([first]);
    const last = first.got[0]?.id ?? "";
    // Published while the client was away: one to the account, one to the user, one to both.
    await publish([accountTopic(a.account.id)], balance(a.account.id));
    await publish([userTopic(a.owner.user.id)], notice());
    await publish([userTopic(a.owner.user.id), accountTopic(a.account.id)], notice());
    const resumed = restStream(api, a.owner.token, { lastEventId: last });
    await subscribed(api, [a.owner.user]);
    await publish([userTopic(a.owner.user.id)], notice());
    await expect.poll(() => resumed.got.length).toBe(4);
    await closeAll([resumed]);
    const ids = resumed.got.map((e) => Number(e.id));
    expect(ids[0]).toBeGreaterThan(Number(last));
    expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
    expect(resumed.got.map((e) => e.event.type)).toEqual(["balance.changed", "notification.created", "notification.created", "notification.created"]);
  });

  it(`refuses the ${MAX_STREAMS_PER_USER + 1}th open stream of one user with 429, and takes one again after a stream closes`, async () => {
    const user = await newUser(api, "rt-many");
    const open = Array.from({ length: MAX_STREAMS_PER_USER }, () => restStream(api, user.token));
    expect(await Promise.all(open.map((s) => s.status))).toEqual(open.map(() => 200));
    const extra = restStream(api, user.token);
    expect(await extra.status).toBe(429);
    expect(await extra.body).toMatch(/at most 10/);
    open[0]?.close();
    await open[0]?.ended;
    // The slot is released as the server sees the close; until then another try may still be refused.
    const again: OpenStream[] = [];
    await expect
      .poll(async () => {
        const s = restStream(api, user.token);
        again.push(s);
        return s.status;
      })
      .toBe(200);
    await closeAll([...open, ...again]);
  });

  it("spends no rate-limit budget on a stream (the budget of a 3-call user still answers after 5 streams)", async () => {
    const strict = await startTestApi({ RATE_LIMIT_AUTH_PER_HOUR: "3" });
    try {
      const user = await newUser(strict, "rt-budget");
      for (let i = 0; i < 5; i++) {
        const s = restStream(strict, user.token);
        expect(await s.status).toBe(200);
        s.close();
        await s.ended;
      }
      const me = await fetch(`${strict.url}/api/me/`, { headers: { authorization: `Bearer ${user.token}` } });
      expect(me.status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe.each(Object.keys(TRANSPORTS) as Array<keyof typeof TRANSPORTS>)("events over %s", (transport) => {
  const open = TRANSPORTS[transport];

  it("gives each user their own and their accounts' events, never another tenant's, and staff events only to staff", async () => {
    const streams = { aOwner: open(api, a.owner.token), aMember: open(api, a.member.token), bOwner: open(api, b.owner.token), staff: open(api, staff.token) };
    await subscribed(api, [a.owner.user, a.member.user, b.owner.user, { ...staff.user, isStaff: true }]);
    await publish([accountTopic(a.account.id)], balance(a.account.id));
    await publish([userTopic(a.owner.user.id)], notice());
    await publish([STAFF_TOPIC], systemJob());
    await publish([userTopic(b.owner.user.id)], notice());
    await expect.poll(() => streams.aOwner.got.length).toBe(2);
    await expect.poll(() => streams.staff.got.length).toBe(1);
    await expect.poll(() => streams.bOwner.got.length).toBe(1);
    // A last event to every user: once each stream has it, nothing earlier can still be on its way.
    await publish([userTopic(a.owner.user.id), userTopic(a.member.user.id), userTopic(b.owner.user.id), userTopic(staff.user.id)], notice());
    await expect.poll(() => Object.values(streams).every((s) => s.got.at(-1)?.event.type === "notification.created" && s.got.length > 0)).toBe(true);
    await closeAll(Object.values(streams));
    const types = (s: OpenStream) => s.got.map((e) => e.event.type);
    expect(types(streams.aOwner)).toEqual(["balance.changed", "notification.created", "notification.created"]);
    // A member of tenant A (by the accepted invitation) sees A's account events, not the owner's own.
    expect(types(streams.aMember)).toEqual(["balance.changed", "notification.created"]);
    expect(types(streams.bOwner)).toEqual(["notification.created", "notification.created"]);
    expect(types(streams.staff)).toEqual(["system.job.changed", "notification.created"]);
  });

  it("ends a stream promptly when its session is logged out", async () => {
    const user = await newUser(api, `rt-logout-${transport}`);
    const s = open(api, user.token);
    await subscribed(api, [user.user]);
    await user.call.auth.logout();
    await expect(Promise.race([s.ended.then(() => "ended"), new Promise((r) => setTimeout(r, 5000, "still open"))])).resolves.toBe("ended");
    s.close();
  });
});
