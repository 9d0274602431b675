import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, loadConfig } from "@atrium/config";
import { schema } from "@atrium/db";
import { createTestDatabase, testInfraUrls, testRedisPrefix, type TestDatabase } from "@atrium/db/testing";
import { loadTenantActor, type TenantActor } from "../accounts/actor.service.js";
import { insertAccount } from "../accounts/tenant.repository.js";
import type { RealtimeTopic, TRealtimeEvent } from "../realtime/realtime.schema.js";
import type { ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import { insertUser } from "../users/user.repository.js";
import * as messageService from "./message.service.js";

// The rules of messaging against real Postgres: who may write to whom, read markers,
// unread counts, the digest query the notifications domain mails from, and the events.

let db: TestDatabase;
let ctx: ServiceContext;
const published: Array<{ topics: readonly RealtimeTopic[]; event: TRealtimeEvent }> = [];
const actors: Record<"ann" | "bob" | "cat" | "eve", TenantActor> = {} as never;
let acme: string;

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof ServiceError ? e.code : String(e)));

beforeAll(async () => {
  const infra = testInfraUrls();
  db = await createTestDatabase(infra.pgAdminUrl);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: db.url, REDIS_URL: infra.redisUrl, REDIS_PREFIX: testRedisPrefix() });
  ctx = { db: db.db, config, logger: createLogger(config, "message-test"), now: () => new Date(), realtime: { publish: async (topics, event) => void published.push({ topics, event }) } };
  acme = (await insertAccount(db.db, { name: "Acme", slug: "acme-msg" })).id;
  const other = (await insertAccount(db.db, { name: "Other", slug: "other-msg" })).id;
  for (const [name, accountId] of [["ann", acme], ["bob", acme], ["cat", acme], ["eve", other]] as const) {
    const u = await insertUser(db.db, { username: name, email: `${name}@example.test`, passwordHash: "x", accountId });
    await db.db.insert(schema.accountMembers).values({ accountId, userId: u.id, role: "member" });
    actors[name] = await loadTenantActor(db.db, { userId: u.id, username: name, accountId, isStaff: false });
  }
});
afterAll(async () => {
  await db?.drop();
});

describe("messages", () => {
  it("creates one conversation per pair, counts unread for the receiver only, and reads it down to zero", async () => {
    const first = await messageService.sendMessage(ctx, actors.ann, { receiverId: actors.bob.userId, content: "hello bob" });
    const reply = await messageService.sendMessage(ctx, actors.bob, { receiverId: actors.ann.userId, content: "hi ann" });
    await messageService.sendMessage(ctx, actors.bob, { receiverId: actors.ann.userId, content: "are you there?", conversationId: first.conversation.id });
    expect(reply.conversation.id).toBe(first.conversation.id);
    expect(first.conversation.accountId).toBe(acme);

    // Bob replied, so he has read Ann's message; Ann has two unread.
    expect(await messageService.unreadCount(ctx, actors.bob)).toEqual({ unreadCount: 0 });
    expect(await messageService.unreadCount(ctx, actors.ann)).toEqual({ unreadCount: 2 });
    const list = await messageService.listConversations(ctx, actors.ann, { limit: 25 });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ unreadCount: 2, otherUser: { username: "bob" }, lastMessage: { content: "are you there?" } });

    const read = await messageService.markConversationRead(ctx, actors.ann, { id: first.conversation.id });
    expect(read.unreadCount).toBe(0);
    expect(await messageService.unreadCount(ctx, actors.ann)).toEqual({ unreadCount: 0 });
    // Bob's view now says Ann has seen his last message.
    const bobView = await messageService.listConversations(ctx, actors.bob, { limit: 25 });
    expect(bobView.items[0]?.otherLastReadAt).toBe(read.readAt);

    const types = published.map((p) => p.event.type);
    expect(types).toEqual(["message.created", "message.created", "message.created", "message.read"]);
    expect(published.at(-1)?.topics).toEqual([`user:${actors.ann.userId}`, `user:${actors.bob.userId}`]);
  });

  it("refuses a receiver from another tenant and a conversation the caller isn't in, like unknown ids", async () => {
    expect(await codeOf(messageService.sendMessage(ctx, actors.ann, { receiverId: actors.eve.userId, content: "hi" }))).toBe("NOT_FOUND");
    const conv = (await messageService.listConversations(ctx, actors.ann, { limit: 25 })).items[0];
    if (!conv) throw new Error("no conversation");
    expect(await codeOf(messageService.getConversation(ctx, actors.cat, { id: conv.id, limit: 25 }))).toBe("NOT_FOUND");
    expect(await codeOf(messageService.getConversation(ctx, actors.eve, { id: conv.id, limit: 25 }))).toBe("NOT_FOUND");
    expect(await codeOf(messageService.sendMessage(ctx, actors.cat, { receiverId: actors.ann.userId, content: "hi", conversationId: conv.id }))).toBe("NOT_FOUND");
    expect(await codeOf(messageService.markConversationRead(ctx, actors.eve, { id: conv.id }))).toBe("NOT_FOUND");
  });

  it("lists, for the digest, what a user hasn't read that was sent before a time", async () => {
    const sent = await messageService.sendMessage(ctx, actors.cat, { receiverId: actors.bob.userId, content: "x".repeat(300) });
    const later = new Date(Date.now() + 60_000);
    const digest = await messageService.listUnreadForDigest(ctx, { userId: actors.bob.userId, sentBefore: later });
    expect(digest).toHaveLength(1);
    expect(digest[0]).toMatchObject({ conversationId: sent.conversation.id, otherName: "cat", unreadCount: 1 });
    expect(digest[0]?.newestSnippet.length).toBeLessThan(300);
    // Nothing sent before the conversation existed; nothing once read.
    expect(await messageService.listUnreadForDigest(ctx, { userId: actors.bob.userId, sentBefore: new Date(Date.parse(sent.message.createdAt) - 1) })).toEqual([]);
    await messageService.markConversationRead(ctx, actors.bob, { id: sent.conversation.id });
    expect(await messageService.listUnreadForDigest(ctx, { userId: actors.bob.userId, sentBefore: later })).toEqual([]);
  });

  it("pages a thread both ways and deletes only the caller's own message", async () => {
    const c = await messageService.sendMessage(ctx, actors.ann, { receiverId: actors.cat.userId, content: "m0" });
    for (let i = 1; i < 5; i++) await messageService.sendMessage(ctx, actors.ann, { receiverId: actors.cat.userId, content: `m${i}` });
    const newest = await messageService.getConversation(ctx, actors.cat, { id: c.conversation.id, limit: 2 });
    expect(newest.items.map((m) => m.content)).toEqual(["m3", "m4"]);
    const older = await messageService.getConversation(ctx, actors.cat, { id: c.conversation.id, limit: 2, cursor: newest.nextCursor ?? undefined });
    expect(older.items.map((m) => m.content)).toEqual(["m1", "m2"]);
    const newer = await messageService.getConversation(ctx, actors.cat, { id: c.conversation.id, limit: 10, after: older.items[0]?.id });
    expect(newer.items.map((m) => m.content)).toEqual(["m2", "m3", "m4"]);

    const target = newest.items[1];
    if (!target) throw new Error("no message");
    expect(await codeOf(messageService.deleteMessage(ctx, actors.cat, { id: target.id }))).toBe("NOT_FOUND");
    expect(await codeOf(messageService.deleteMessage(ctx, actors.eve, { id: target.id }))).toBe("NOT_FOUND");
    const deleted = await messageService.deleteMessage(ctx, actors.ann, { id: target.id });
    expect(deleted).toMatchObject({ deleted: true, content: "" });
    expect((await messageService.searchConversation(ctx, actors.cat, { id: c.conversation.id, q: "m4", limit: 10 })).items).toEqual([]);
    expect((await messageService.searchConversation(ctx, actors.cat, { id: c.conversation.id, q: "M3", limit: 10 })).items).toHaveLength(1);
    // % is a character, not a wildcard.
    expect((await messageService.searchConversation(ctx, actors.cat, { id: c.conversation.id, q: "%", limit: 10 })).items).toEqual([]);
  });

  it("keeps one conversation per pair even when both start it at once, and one more per subject of the account", async () => {
    const d = await insertUser(db.db, { username: "dan", email: "dan@example.test", passwordHash: "x", accountId: acme });
    await db.db.insert(schema.accountMembers).values({ accountId: acme, userId: d.id, role: "member" });
    const dan = await loadTenantActor(db.db, { userId: d.id, username: "dan", accountId: acme, isStaff: false });
    const [x, y] = await Promise.all([
      messageService.sendMessage(ctx, dan, { receiverId: actors.cat.userId, content: "race 1" }),
      messageService.sendMessage(ctx, actors.cat, { receiverId: dan.userId, content: "race 2" }),
    ]);
    expect(x.conversation.id).toBe(y.conversation.id);

    const [doc] = await db.db
      .insert(schema.documents)
      .values({ accountId: acme, filename: "brief.txt", mimeType: "text/plain", sizeBytes: 1, sha256: "x", storageKey: "k" })
      .returning();
    const [foreignDoc] = await db.db
      .insert(schema.documents)
      .values({ accountId: actors.eve.homeAccountId ?? "", filename: "secret.txt", mimeType: "text/plain", sizeBytes: 1, sha256: "x", storageKey: "k2" })
      .returning();
    if (!doc || !foreignDoc) throw new Error("no documents");
    const about = await messageService.sendMessage(ctx, actors.cat, { receiverId: actors.bob.userId, content: "about the brief", subject: { type: "document", id: doc.id } });
    expect(about.conversation.id).not.toBe(x.conversation.id);
    expect(about.conversation.subject).toEqual({ type: "document", id: doc.id });
    expect(await codeOf(messageService.sendMessage(ctx, actors.cat, { receiverId: actors.bob.userId, content: "x", subject: { type: "document", id: foreignDoc.id } }))).toBe("NOT_FOUND");
    expect(await codeOf(messageService.sendMessage(ctx, actors.cat, { receiverId: actors.bob.userId, content: "x", subject: { type: "job", id: doc.id } }))).toBe("NOT_FOUND");
  });
});
