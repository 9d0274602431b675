import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { restStream, subscribed } from "../realtime/sse.test-helpers.js";
import { newTenant, newUser, type TestUser } from "./tenancy.test-helpers.js";

// The application's conversation over both transports: its candidate and the employer's recruiting
// users talk; anyone else (another candidate, a plain member, another tenant) meets a 404.

const routes = {
  open: { method: "POST", rest: "/api/recruiting/applications/{id}/conversation/", trpc: "recruiting.conversation.open", kind: "mutation" },
  messages: { method: "GET", rest: "/api/recruiting/applications/{id}/messages/", trpc: "recruiting.conversation.messages", kind: "query" },
  send: { method: "POST", rest: "/api/recruiting/applications/{id}/messages/", trpc: "recruiting.conversation.send", kind: "mutation" },
  read: { method: "POST", rest: "/api/recruiting/applications/{id}/messages/read/", trpc: "recruiting.conversation.read", kind: "mutation" },
  inbox: { method: "GET", rest: "/api/messages/conversations/", trpc: "messages.conversations", kind: "query" },
  get: { method: "GET", rest: "/api/messages/conversations/{id}/", trpc: "messages.get", kind: "query" },
  unread: { method: "GET", rest: "/api/messages/unread/", trpc: "messages.unread", kind: "query" },
  reply: { method: "POST", rest: "/api/messages/send/", trpc: "messages.send", kind: "mutation" },
} as const;

type Thread = { conversation: { id: string; unreadCount: number; subject: { type: string; id: string } | null; otherUser: { id: string } }; items: Array<{ id: string; content: string; senderId: string }> };
type Inbox = { items: Array<{ id: string; unreadCount: number; otherUser: { id: string } }> };

let api: TestApi;
let employer: Awaited<ReturnType<typeof newTenant>>;
let stranger: Awaited<ReturnType<typeof newTenant>>;
let recruiter: TestUser;
let manager: TestUser;
let candidate: TestUser;
let otherCandidate: TestUser;

/** A member of the employer with a recruiting role (straight into the table: roles are another part's procedure). */
async function recruitingMember(name: string, recruitingRole: "recruiter" | "hiring_manager"): Promise<TestUser> {
  const u = await newUser(api, name);
  await api.svc.db.insert(schema.accountMembers).values({ accountId: employer.account.id, userId: u.user.id, role: "member", recruitingRole });
  return u;
}

/** A candidate: a user with a personal account, as signing up gives them. */
async function newCandidate(name: string): Promise<{ user: TestUser; accountId: string }> {
  const user = await newUser(api, name);
  const account = await user.call.accounts.create({ name: `${name} personal` });
  return { user, accountId: account.id };
}

/** A published posting of the employer and the candidate's application to it, as rows (the applications service is another part). */
async function newApplication(who: { user: TestUser; accountId: string }, title: string): Promise<string> {
  const [posting] = await api.svc.db
    .insert(schema.jobPostings)
    .values({ accountId: employer.account.id, title, description: `${title} description`, status: "published", publishedAt: new Date() })
    .returning();
  if (!posting) throw new Error("no posting");
  const [app] = await api.svc.db
    .insert(schema.applications)
    .values({ accountId: employer.account.id, postingId: posting.id, candidateUserId: who.user.user.id, candidateAccountId: who.accountId })
    .returning();
  if (!app) throw new Error("no application");
  return app.id;
}

beforeAll(async () => {
  api = await startTestApi();
  employer = await newTenant(api, "conv-emp");
  stranger = await newTenant(api, "conv-other");
  recruiter = await recruitingMember("conv-recruiter", "recruiter");
  manager = await recruitingMember("conv-manager", "hiring_manager");
  const c = await newCandidate("conv-candidate");
  const o = await newCandidate("conv-candidate-2");
  candidate = c.user;
  otherCandidate = o.user;
  // Every test works on applications of its own, so the transports don't share threads.
  apps = { rest: await newApplication(c, "Nurse (rest)"), trpc: await newApplication(c, "Nurse (trpc)"), others: await newApplication(o, "Nurse (other)") };
});
afterAll(async () => {
  await api.close();
});
let apps: { rest: string; trpc: string; others: string };

describe.each<Transport>(["rest", "trpc"])("the application conversation over %s", (transport) => {
  const as = (u: TestUser) => bearer(u.token);

  it("lets the candidate and every recruiting user talk, in the thread and in their inboxes, with unread counts", async () => {
    const id = apps[transport];
    const opened = await call(api.url, transport, routes.open, { id }, as(candidate));
    expect(opened.status).toBe(200);
    expect(opened.data).toMatchObject({ subject: { type: "application", id }, accountId: employer.account.id });

    const sent = await call(api.url, transport, routes.send, { id, content: `  Is the role still open? (${transport})  ` }, as(candidate));
    expect(sent.status).toBe(200);
    const conversationId = (sent.data as { conversation: { id: string } }).conversation.id;

    // Every side of the employer reads the same thread: recruiter, hiring manager, the owner (an admin without a recruiting role).
    for (const u of [recruiter, manager, employer.owner]) {
      const thread = await call(api.url, transport, routes.messages, { id, limit: 10 }, as(u));
      expect(thread.status, u.user.username).toBe(200);
      const t = thread.data as Thread;
      expect(t.items.map((m) => m.content)).toEqual([`Is the role still open? (${transport})`]);
      expect(t.conversation).toMatchObject({ id: conversationId, unreadCount: 1, otherUser: { id: candidate.user.id } });
      const inbox = (await call(api.url, transport, routes.inbox, { limit: 50 }, as(u))).data as Inbox;
      expect(inbox.items.filter((c) => c.id === conversationId)).toHaveLength(1);
    }

    const reply = await call(api.url, transport, routes.send, { id, content: "It is: let's talk on Monday." }, as(recruiter));
    expect(reply.status).toBe(200);
    // The candidate sees the reply in the thread and, like any message, in their inbox and unread count.
    const mine = (await call(api.url, transport, routes.inbox, { limit: 50 }, as(candidate))).data as Inbox;
    expect(mine.items.find((c) => c.id === conversationId)).toMatchObject({ unreadCount: 1, otherUser: { id: recruiter.user.id } });
    const before = (await call(api.url, transport, routes.unread, undefined, as(candidate))).data as { unreadCount: number };
    expect(before.unreadCount).toBeGreaterThanOrEqual(1);
    expect((await call(api.url, transport, routes.read, { id }, as(candidate))).data).toMatchObject({ conversationId, unreadCount: 0 });
    const after = (await call(api.url, transport, routes.unread, undefined, as(candidate))).data as { unreadCount: number };
    expect(after.unreadCount).toBe(before.unreadCount - 1);

    // The inbox's own reply box works on it too: the candidate answers the recruiter from /messages.
    const fromInbox = await call(api.url, transport, routes.reply, { receiverId: recruiter.user.id, conversationId, content: "Monday works." }, as(candidate));
    expect(fromInbox.status).toBe(200);
    const thread = (await call(api.url, transport, routes.messages, { id, limit: 10 }, as(manager))).data as Thread;
    expect(thread.items.map((m) => m.content).at(-1)).toBe("Monday works.");
    // And the candidate heard of the recruiter's message on their bell.
    const bells = await api.svc.db.select().from(schema.notifications).where(and(eq(schema.notifications.userId, candidate.user.id), eq(schema.notifications.kind, "application.message")));
    expect(bells.some((n) => n.link === `/candidate/applications/${id}`)).toBe(true);
  });

  it("answers another candidate, a member without a recruiting role and another tenant exactly like an unknown application", async () => {
    const id = apps[transport];
    const sent = (await call(api.url, transport, routes.send, { id, content: "private to this application" }, as(candidate))).data as { conversation: { id: string } };
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const [who, u] of [
      ["another candidate", otherCandidate],
      ["a plain member", employer.member],
      ["another tenant's owner", stranger.owner],
    ] as const) {
      for (const [route, input] of [
        [routes.open, { id }],
        [routes.messages, { id }],
        [routes.send, { id, content: "let me in" }],
        [routes.read, { id }],
      ] as const) {
        const r = await call(api.url, transport, route, input, as(u));
        expect(r.status, `${who}: ${route.trpc}`).toBe(404);
        const nobody = await call(api.url, transport, route, { ...input, id: unknown }, as(u));
        expect(r.error?.message, `${who}: ${route.trpc}`).toBe(nobody.error?.message);
      }
      // Nor through messaging's own procedures with the conversation's id.
      expect((await call(api.url, transport, routes.get, { id: sent.conversation.id }, as(u))).status, who).toBe(404);
      const inbox = (await call(api.url, transport, routes.inbox, { limit: 50 }, as(u))).data as Inbox;
      expect(inbox.items.map((c) => c.id)).not.toContain(sent.conversation.id);
    }
    // The candidate of one application can't reach another's.
    expect((await call(api.url, transport, routes.messages, { id: apps.others }, as(candidate))).status).toBe(404);
  });

  it("refuses empty, blank and huge messages, unknown keys and bad ids with field messages", async () => {
    const id = apps[transport];
    for (const content of ["", "   ", "x".repeat(4001)]) {
      const r = await call(api.url, transport, routes.send, { id, content }, as(candidate));
      expect(r.status).toBe(400);
      expect(r.error?.fieldErrors?.content?.[0]).toMatch(/Write a message|At most 4,000 characters/);
    }
    expect((await call(api.url, transport, routes.send, { id, content: "hi", html: true }, as(candidate))).status).toBe(400);
    const badId = await call(api.url, transport, routes.messages, { id: "not-an-id" }, as(candidate));
    expect(badId.status).toBe(400);
    expect(badId.error?.fieldErrors?.id).toEqual(["Not a valid application id"]);
  });
});

describe("who takes part follows the policy", () => {
  it("drops a recruiter whose role is taken away (thread, inbox, unread) and lets a new one in", async () => {
    const c = await newCandidate("conv-candidate-3");
    const id = await newApplication(c, "Sales lead");
    const former = await recruitingMember("conv-former", "recruiter");
    const sent = (await call(api.url, "rest", routes.send, { id, content: "Hello from the candidate" }, bearer(c.user.token))).data as { conversation: { id: string } };
    expect((await call(api.url, "rest", routes.messages, { id }, bearer(former.token))).status).toBe(200);
    const unreadBefore = ((await call(api.url, "rest", routes.unread, undefined, bearer(former.token))).data as { unreadCount: number }).unreadCount;
    expect(unreadBefore).toBe(1);

    await api.svc.db.update(schema.accountMembers).set({ recruitingRole: null }).where(eq(schema.accountMembers.userId, former.user.id));
    expect((await call(api.url, "rest", routes.messages, { id }, bearer(former.token))).status).toBe(404);
    expect((await call(api.url, "rest", routes.get, { id: sent.conversation.id }, bearer(former.token))).status).toBe(404);
    const inbox = (await call(api.url, "rest", routes.inbox, { limit: 50 }, bearer(former.token))).data as Inbox;
    expect(inbox.items.map((x) => x.id)).not.toContain(sent.conversation.id);
    expect(((await call(api.url, "rest", routes.unread, undefined, bearer(former.token))).data as { unreadCount: number }).unreadCount).toBe(0);

    // A recruiter who joins later reads the whole thread, and the next message reaches them.
    const newcomer = await recruitingMember("conv-newcomer", "recruiter");
    const thread = (await call(api.url, "rest", routes.messages, { id }, bearer(newcomer.token))).data as Thread;
    expect(thread.items.map((m) => m.content)).toEqual(["Hello from the candidate"]);
    await call(api.url, "rest", routes.send, { id, content: "Anyone there?" }, bearer(c.user.token));
    const unread = ((await call(api.url, "rest", routes.unread, undefined, bearer(newcomer.token))).data as { unreadCount: number }).unreadCount;
    expect(unread).toBe(2);
  });

  it("tells every participant live; a plain member of the employer hears nothing", async () => {
    const c = await newCandidate("conv-candidate-4");
    const id = await newApplication(c, "Welder");
    await call(api.url, "rest", routes.open, { id }, bearer(recruiter.token));
    const streams = { candidate: restStream(api, c.user.token), recruiter: restStream(api, recruiter.token), plain: restStream(api, employer.member.token) };
    try {
      await subscribed(api, [c.user.user, recruiter.user, employer.member.user]);
      const sent = (await call(api.url, "rest", routes.send, { id, content: "live?" }, bearer(recruiter.token))).data as { message: { id: string }; conversation: { id: string } };
      const created = { type: "message.created", conversationId: sent.conversation.id, messageId: sent.message.id, senderId: recruiter.user.id };
      await expect.poll(() => streams.candidate.got.map((e) => e.event)).toContainEqual(created);
      await expect.poll(() => streams.recruiter.got.map((e) => e.event)).toContainEqual(created);
      // The plain member's stream is live (their own 1:1 message arrives) but never carried the application's.
      await call(api.url, "rest", routes.reply, { receiverId: employer.member.user.id, content: "plain hello", accountId: employer.account.id }, bearer(employer.owner.token));
      await expect.poll(() => streams.plain.got.length).toBe(1);
      expect(streams.plain.got.map((e) => (e.event as { conversationId?: string }).conversationId)).not.toContain(sent.conversation.id);
    } finally {
      for (const s of Object.values(streams)) s.close();
    }
  });
});
