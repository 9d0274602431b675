import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisRealtimePublisher, NOTIFICATION_KIND_NAMES, notificationService, realtimeKey, unsubscribeToken, userTopic, type ServiceContext } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

const r = {
  list: { method: "GET", rest: "/api/notifications/", trpc: "notifications.list", kind: "query" },
  read: { method: "POST", rest: "/api/notifications/{id}/read/", trpc: "notifications.read", kind: "mutation" },
  readAll: { method: "POST", rest: "/api/notifications/read-all/", trpc: "notifications.readAll", kind: "mutation" },
  prefs: { method: "GET", rest: "/api/notifications/preferences/", trpc: "notifications.preferences", kind: "query" },
  setPrefs: { method: "PUT", rest: "/api/notifications/preferences/", trpc: "notifications.updatePreferences", kind: "mutation" },
  unsubscribe: { method: "POST", rest: "/api/notifications/unsubscribe/", trpc: "notifications.unsubscribe", kind: "mutation" },
} as const;

type Item = { id: string; kind: string; title: string; readAt: string | null; link: string | null };
type List = { items: Item[]; nextCursor: string | null; unreadCount: number };
type Prefs = { items: Array<{ kind: string; channel: string; channels: string[] }> };

let api: TestApi;
/** What producers in the api and the worker have: a context that publishes live events. */
let svc: ServiceContext;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  svc = { ...api.svc, realtime: createRedisRealtimePublisher(api.deps.redis, api.deps.config.REDIS_PREFIX) };
});
afterAll(async () => {
  await api.close();
});

const notice = (u: TestUser, title: string, kind: (typeof NOTIFICATION_KIND_NAMES)[number] = "job.finished") =>
  notificationService.notify(svc, { userId: u.user.id, kind, title, body: `${title} body`, link: "/jobs", email: false });

/** The events published on a user's topic so far, as the stream's backlog holds them. */
async function eventsOn(userId: string): Promise<Array<{ type: string; notificationId?: string }>> {
  const entries = await api.deps.redis.xrange(realtimeKey(api.deps.config.REDIS_PREFIX, userTopic(userId)), "-", "+");
  return entries.map(([, fields]) => (JSON.parse(fields[1] ?? "{}") as { event: { type: string; notificationId?: string } }).event);
}

describe.each<Transport>(["rest", "trpc"])("notifications over %s", (transport) => {
  it("lists newest first with an unread filter and cursor, reads one, then all, and tells the user's other tabs", async () => {
    const u = await newUser(api, `bell-${transport}`);
    for (const t of ["first", "second", "third"]) await notice(u, t);
    const page1 = (await call(api.url, transport, r.list, { limit: 2 }, bearer(u.token))).data as List;
    expect(page1.items.map((i) => i.title)).toEqual(["third", "second"]);
    expect(page1.unreadCount).toBe(3);
    const page2 = (await call(api.url, transport, r.list, { limit: 2, cursor: page1.nextCursor ?? "" }, bearer(u.token))).data as List;
    expect(page2.items.map((i) => i.title)).toEqual(["first"]);
    expect(page2.nextCursor).toBeNull();

    const second = page1.items[1] as Item;
    const read = await call(api.url, transport, r.read, { id: second.id }, bearer(u.token));
    expect(read.status).toBe(200);
    expect((read.data as Item).readAt).not.toBeNull();
    const unread = (await call(api.url, transport, r.list, { unread: true }, bearer(u.token))).data as List;
    expect(unread.items.map((i) => i.title)).toEqual(["third", "first"]);
    expect(unread.unreadCount).toBe(2);

    const all = await call(api.url, transport, r.readAll, undefined, bearer(u.token));
    expect(all.data).toEqual({ updated: 2 });
    expect(((await call(api.url, transport, r.list, {}, bearer(u.token))).data as List).unreadCount).toBe(0);
    const events = await eventsOn(u.user.id);
    expect(events).toContainEqual({ type: "notification.read", notificationId: second.id });
    expect(events).toContainEqual({ type: "notification.read" });
  });

  it("answers someone else's notification exactly like an unknown one, and a malformed id with a field error", async () => {
    const [owner, other] = [await newUser(api, `owner-${transport}`), await newUser(api, `other-${transport}`)];
    const { notificationId } = await notice(owner, "private");
    const theirs = await call(api.url, transport, r.read, { id: String(notificationId) }, bearer(other.token));
    const unknown = await call(api.url, transport, r.read, { id: randomUUID() }, bearer(other.token));
    expect(theirs.status).toBe(404);
    expect(theirs.error).toEqual(unknown.error);
    expect(((await call(api.url, transport, r.list, {}, bearer(other.token))).data as List).items).toEqual([]);
    const [row] = await api.svc.db.select().from(schema.notifications).where(eq(schema.notifications.id, String(notificationId)));
    expect(row?.readAt).toBeNull();
    const malformed = await call(api.url, transport, r.read, { id: "nope" }, bearer(other.token));
    expect(malformed.status).toBe(400);
    expect(malformed.error?.fieldErrors?.id).toEqual(["Not a valid notification id"]);
  });

  it("stores every kind's default for a new user and changes only the kinds named; refuses channels a kind doesn't offer", async () => {
    const u = await newUser(api, `prefs-${transport}`);
    const stored = await api.svc.db.select().from(schema.notificationPreferences).where(eq(schema.notificationPreferences.userId, u.user.id));
    expect(stored.map((p) => p.kind).sort()).toEqual([...NOTIFICATION_KIND_NAMES].sort());

    const set = await call(api.url, transport, r.setPrefs, { preferences: [{ kind: "job.finished", channel: "off" }] }, bearer(u.token));
    expect(set.status).toBe(200);
    const byKind = Object.fromEntries((set.data as Prefs).items.map((p) => [p.kind, p.channel]));
    expect(byKind).toMatchObject({ "job.finished": "off", "job.failed": "email", "invitation.received": "in_app" });

    const notOffered = await call(api.url, transport, r.setPrefs, { preferences: [{ kind: "invitation.received", channel: "email" }] }, bearer(u.token));
    expect(notOffered.status).toBe(400);
    expect(notOffered.error?.fieldErrors?.["preferences.0.channel"]).toEqual(["Invitations can be in_app or off"]);
    const unknownKind = await call(api.url, transport, r.setPrefs, { preferences: [{ kind: "nope", channel: "off" }] }, bearer(u.token));
    expect(unknownKind.status).toBe(400);
    const extraKey = await call(api.url, transport, r.setPrefs, { preferences: [{ kind: "job.failed", channel: "off" }], all: true }, bearer(u.token));
    expect(extraKey.status).toBe(400);
    expect(((await call(api.url, transport, r.prefs, undefined, bearer(u.token))).data as Prefs).items.find((p) => p.kind === "job.failed")?.channel).toBe("email");
  });

  it("writes nothing for a kind turned off, a bell row for in_app, and a bell row plus a queued email for email", async () => {
    const u = await newUser(api, `channels-${transport}`);
    await call(
      api.url,
      transport,
      r.setPrefs,
      { preferences: [{ kind: "job.finished", channel: "off" }, { kind: "job.failed", channel: "in_app" }, { kind: "balance.low", channel: "email" }] },
      bearer(u.token),
    );
    const n = (kind: "job.finished" | "job.failed" | "balance.low") => notificationService.notify(svc, { userId: u.user.id, kind, title: kind, body: "b", link: "/billing" });
    expect(await n("job.finished")).toEqual({ notificationId: null, emailId: null });
    const inApp = await n("job.failed");
    expect(inApp.notificationId).not.toBeNull();
    expect(inApp.emailId).toBeNull();
    const email = await n("balance.low");
    expect(email.notificationId).not.toBeNull();
    const rows = await api.svc.db.select().from(schema.notifications).where(eq(schema.notifications.userId, u.user.id));
    expect(rows.map((x) => x.kind).sort()).toEqual(["balance.low", "job.failed"]);
    const [mail] = await api.svc.db.select().from(schema.emailOutbox).where(and(eq(schema.emailOutbox.toAddress, u.user.email), eq(schema.emailOutbox.template, "notification")));
    expect(mail?.id).toBe(email.emailId);
    expect(mail?.text).toContain("/billing");
    // Handed to the notifications queue, where the worker's email.send picks it up.
    const queued = await api.svc.jobs?.queue("notifications").getJobs(["waiting", "delayed", "active", "completed"]);
    expect(queued?.some((j) => j.name === "email.send" && (j.data as { emailId: string }).emailId === email.emailId)).toBe(true);
    expect((await eventsOn(u.user.id)).filter((e) => e.type === "notification.created").map((e) => e.notificationId)).toEqual([inApp.notificationId, email.notificationId]);
  });

  it("turns message emails off with the signed link, without signing in; a tampered link changes nothing", async () => {
    const u = await newUser(api, `unsub-${transport}`);
    const token = unsubscribeToken(api.deps.config.SESSION_SECRET, u.user.id, "message.new");
    const forged = unsubscribeToken("another secret entirely, long enough", u.user.id, "message.new");
    const bad = await call(api.url, transport, r.unsubscribe, { token: forged });
    expect(bad.status).toBe(400);
    expect(bad.error?.fieldErrors?.token).toEqual(["This unsubscribe link is not valid"]);
    const ok = await call(api.url, transport, r.unsubscribe, { token });
    expect(ok.data).toEqual({ kind: "message.new", channel: "off" });
    const prefs = (await call(api.url, transport, r.prefs, undefined, bearer(u.token))).data as Prefs;
    expect(prefs.items.find((p) => p.kind === "message.new")?.channel).toBe("off");
  });
});

describe("invitation notices", () => {
  it("an invitation to an existing user's confirmed address rings their bell; an unconfirmed address's holder hears nothing", async () => {
    const owner = await newUser(api, "inv-owner");
    const [confirmed, unconfirmed] = [await newUser(api, "inv-confirmed"), await newUser(api, "inv-unconfirmed", { verified: false })];
    const account = await owner.call.accounts.create({ name: "Invite Inc" });
    const org = await owner.call.organizations.create({ accountId: account.id, name: "Invite Org" });
    for (const u of [confirmed, unconfirmed]) await owner.call.invitations.create({ id: org.id, email: u.user.email, role: "member" });

    const list = (await call(api.url, "rest", r.list, {}, bearer(confirmed.token))).data as List;
    expect(list.items.map((i) => [i.kind, i.title])).toEqual([["invitation.received", "Invitation to Invite Org"]]);
    expect(((await call(api.url, "rest", r.list, {}, bearer(unconfirmed.token))).data as List).items).toEqual([]);
  });
});
