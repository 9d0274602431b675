import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { eq } from "drizzle-orm";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { newTenant, newUser, type TestUser } from "./tenancy.test-helpers.js";
import { restStream, subscribed } from "../realtime/sse.test-helpers.js";

// Messaging over both transports, as seed 002 documents its REST paths, plus the hostile inputs:
// huge content, other tenants' users and conversations, someone else's message to delete.

const routes = {
  conversations: { method: "GET", rest: "/api/messages/conversations/", trpc: "messages.conversations", kind: "query" },
  get: { method: "GET", rest: "/api/messages/conversations/{id}/", trpc: "messages.get", kind: "query" },
  search: { method: "GET", rest: "/api/messages/conversations/{id}/search/", trpc: "messages.search", kind: "query" },
  send: { method: "POST", rest: "/api/messages/send/", trpc: "messages.send", kind: "mutation" },
  read: { method: "POST", rest: "/api/messages/read/{id}/", trpc: "messages.read", kind: "mutation" },
  unread: { method: "GET", rest: "/api/messages/unread/", trpc: "messages.unread", kind: "query" },
  delete: { method: "DELETE", rest: "/api/messages/{id}/", trpc: "messages.delete", kind: "mutation" },
  contacts: { method: "GET", rest: "/api/messages/contacts/", trpc: "messages.contacts", kind: "query" },
} as const;

type Sent = { conversation: { id: string; unreadCount: number }; message: { id: string; content: string } };

let api: TestApi;
let a: Awaited<ReturnType<typeof newTenant>>;
let b: Awaited<ReturnType<typeof newTenant>>;
beforeAll(async () => {
  api = await startTestApi();
  a = await newTenant(api, "msg-a");
  b = await newTenant(api, "msg-b");
});
afterAll(async () => {
  await api.close();
});

describe.each<Transport>(["rest", "trpc"])("messages over %s", (transport) => {
  const as = (u: TestUser) => bearer(u.token);

  it("sends, lists with unread counts, pages the thread, marks read and counts unread", async () => {
    const sent = await call(api.url, transport, routes.send, { receiverId: a.member.user.id, content: `  hello over ${transport}  ` }, as(a.owner));
    expect(sent.status).toBe(200);
    const { conversation, message } = sent.data as Sent;
    expect(message.content).toBe(`hello over ${transport}`);

    const unread = await call(api.url, transport, routes.unread, undefined, as(a.member));
    expect((unread.data as { unreadCount: number }).unreadCount).toBeGreaterThanOrEqual(1);
    const list = await call(api.url, transport, routes.conversations, { limit: 10 }, as(a.member));
    const item = (list.data as { items: Array<{ id: string; unreadCount: number; otherUser: { username: string }; lastMessage: { content: string } }> }).items.find((c) => c.id === conversation.id);
    expect(item).toMatchObject({ otherUser: { username: a.owner.user.username }, lastMessage: { content: `hello over ${transport}` } });
    expect(item?.unreadCount).toBeGreaterThanOrEqual(1);

    const thread = await call(api.url, transport, routes.get, { id: conversation.id, limit: 1 }, as(a.member));
    expect(thread.status).toBe(200);
    expect((thread.data as { items: Array<{ id: string }> }).items.map((m) => m.id)).toEqual([message.id]);
    const found = await call(api.url, transport, routes.search, { id: conversation.id, q: "HELLO" }, as(a.member));
    expect((found.data as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(1);

    const read = await call(api.url, transport, routes.read, { id: conversation.id }, as(a.member));
    expect(read.status).toBe(200);
    expect(await call(api.url, transport, routes.unread, undefined, as(a.member)).then((r) => r.data)).toEqual({ unreadCount: 0 });
  });

  it("answers bad content with field errors: empty, whitespace, too long, unknown keys", async () => {
    for (const content of ["", "   ", "x".repeat(4001)]) {
      const r = await call(api.url, transport, routes.send, { receiverId: a.member.user.id, content }, as(a.owner));
      expect(r.status).toBe(400);
      expect(r.error?.fieldErrors?.content?.[0]).toMatch(/Write a message|At most 4,000 characters/);
    }
    const extra = await call(api.url, transport, routes.send, { receiverId: a.member.user.id, content: "hi", html: true }, as(a.owner));
    expect(extra.status).toBe(400);
    const self = await call(api.url, transport, routes.send, { receiverId: a.owner.user.id, content: "hi" }, as(a.owner));
    expect(self.status).toBe(400);
    expect(self.error?.fieldErrors?.receiverId).toEqual(["You can't message yourself"]);
  });

  it("treats other tenants' users, conversations and messages exactly like unknown ids", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const own = (await call(api.url, transport, routes.send, { receiverId: a.member.user.id, content: "private" }, as(a.owner))).data as Sent;

    const toStranger = await call(api.url, transport, routes.send, { receiverId: b.owner.user.id, content: "hi" }, as(a.owner));
    const toNobody = await call(api.url, transport, routes.send, { receiverId: unknown, content: "hi" }, as(a.owner));
    expect([toStranger.status, toNobody.status]).toEqual([404, 404]);
    expect(toStranger.error?.message).toBe(toNobody.error?.message);

    // Tenant B can neither read, search, mark read nor post into A's conversation.
    for (const [route, input] of [
      [routes.get, { id: own.conversation.id }],
      [routes.search, { id: own.conversation.id, q: "private" }],
      [routes.read, { id: own.conversation.id }],
      [routes.send, { receiverId: a.owner.user.id, content: "let me in", conversationId: own.conversation.id }],
      [routes.delete, { id: own.message.id }],
    ] as const) {
      const r = await call(api.url, transport, route, input, as(b.owner));
      expect(r.status, route.trpc).toBe(404);
    }
    // The receiver can't delete the sender's message either; the sender can.
    expect((await call(api.url, transport, routes.delete, { id: own.message.id }, as(a.member))).status).toBe(404);
    const deleted = await call(api.url, transport, routes.delete, { id: own.message.id }, as(a.owner));
    expect(deleted.data).toMatchObject({ id: own.message.id, deleted: true, content: "" });
    const [audit] = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, own.message.id));
    expect(audit?.eventType).toBe("message.deleted");
    expect(JSON.stringify(await api.svc.db.select().from(schema.messages).where(eq(schema.messages.accountId, b.account.id)))).not.toContain("private");
  });

  it("keeps HTML as the text it is", async () => {
    const html = `<img src=x onerror="alert(1)"><script>alert(2)</script> & ${transport}`;
    const sent = (await call(api.url, transport, routes.send, { receiverId: a.member.user.id, content: html }, as(a.owner))).data as Sent;
    const thread = await call(api.url, transport, routes.get, { id: sent.conversation.id, limit: 1 }, as(a.member));
    expect((thread.data as { items: Array<{ content: string }> }).items[0]?.content).toBe(html);
  });

  it("offers the members of the caller's accounts as contacts, never another tenant's", async () => {
    const r = await call(api.url, transport, routes.contacts, { limit: 100 }, as(a.owner));
    const names = (r.data as { items: Array<{ username: string }> }).items.map((u) => u.username);
    expect(names).toContain(a.member.user.username);
    expect(names).not.toContain(b.owner.user.username);
    expect(names).not.toContain(a.owner.user.username);
  });
});

describe("messages on the event stream", () => {
  it("tells both participants, live, of a message, its reading and its deletion; another tenant hears nothing", async () => {
    const streams = { sender: restStream(api, a.owner.token), receiver: restStream(api, a.member.token), stranger: restStream(api, b.owner.token) };
    try {
      await subscribed(api, [a.owner.user, a.member.user, b.owner.user]);
      const sent = (await call(api.url, "rest", routes.send, { receiverId: a.member.user.id, content: "live?" }, bearer(a.owner.token))).data as Sent;
      await call(api.url, "rest", routes.read, { id: sent.conversation.id }, bearer(a.member.token));
      await call(api.url, "rest", routes.delete, { id: sent.message.id }, bearer(a.owner.token));
      const types = (s: { got: Array<{ event: { type: string } }> }) => s.got.map((e) => e.event.type);
      await expect.poll(() => types(streams.receiver)).toEqual(["message.created", "message.read", "message.deleted"]);
      await expect.poll(() => types(streams.sender)).toEqual(["message.created", "message.read", "message.deleted"]);
      expect(streams.receiver.got[0]?.event).toEqual({ type: "message.created", conversationId: sent.conversation.id, messageId: sent.message.id, senderId: a.owner.user.id });
      // The stranger's stream is open and live: an event of their own arrives, none of A's ever did.
      await call(api.url, "rest", routes.send, { receiverId: b.member.user.id, content: "b's own" }, bearer(b.owner.token));
      await expect.poll(() => types(streams.stranger)).toEqual(["message.created"]);
    } finally {
      for (const s of Object.values(streams)) s.close();
    }
  });
});

describe("messages over REST as seed 002 spells them", () => {
  it("accepts receiver_id on POST /api/messages/send and answers { unreadCount }", async () => {
    const res = await fetch(`${api.url}/api/messages/send`, {
      method: "POST",
      headers: { ...bearer(a.member.token), "content-type": "application/json" },
      body: JSON.stringify({ receiver_id: a.owner.user.id, content: "Hello, I'm interested in the position..." }),
    });
    expect(res.status).toBe(200);
    const unread = await fetch(`${api.url}/api/messages/unread`, { headers: bearer(a.owner.token) });
    expect(await unread.json()).toMatchObject({ unreadCount: expect.any(Number) });
  });
});

describe("message sending rate limit", () => {
  it("answers 429 with Retry-After once a user has sent their budget, without touching anyone else's", async () => {
    const limited = await startTestApi({ RATE_LIMIT_MESSAGES_PER_MINUTE: "2" });
    try {
      const t = await newTenant(limited, "msg-rl");
      const other = await newUser(limited, "msg-rl-other");
      const send = (u: TestUser, receiverId: string) => call(limited.url, "rest", routes.send, { receiverId, content: "spam" }, bearer(u.token));
      expect((await send(t.owner, t.member.user.id)).status).toBe(200);
      expect((await send(t.owner, t.member.user.id)).status).toBe(200);
      const third = await send(t.owner, t.member.user.id);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      const overTrpc = await call(limited.url, "trpc", routes.send, { receiverId: t.member.user.id, content: "spam" }, bearer(t.owner.token));
      expect(overTrpc.status).toBe(429);
      // Another sender has a budget of their own (a 404 here: they share no account, but they were let through).
      expect((await send(other, t.member.user.id)).status).toBe(404);
      expect((await send(t.member, t.owner.user.id)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
