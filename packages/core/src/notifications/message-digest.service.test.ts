import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { loadTenantActor, type TenantActor } from "../accounts/actor.service.js";
import { insertAccount } from "../accounts/tenant.repository.js";
import { startBillingTestEnv, type BillingTestEnv } from "../billing/billing.test-helpers.js";
import * as messageService from "../messages/message.service.js";
import { insertUser } from "../users/user.repository.js";
import { runMessageDigest } from "./message-digest.service.js";

// The digest's decisions against real Postgres and the real messaging query, with the clock moved instead of waited
// for: what is due, what is still too new (and when to look again), what was read meanwhile.

const DELAY = 60_000;
let env: BillingTestEnv;
const people: Record<"ann" | "bob", TenantActor & { email: string }> = {} as never;

beforeAll(async () => {
  env = await startBillingTestEnv({ MESSAGE_EMAIL_DELAY_MS: String(DELAY) });
  const account = await insertAccount(env.ctx.db, { name: "Digest", slug: "digest" });
  for (const name of ["ann", "bob"] as const) {
    const u = await insertUser(env.ctx.db, { username: name, email: `${name}@example.test`, passwordHash: "x", accountId: account.id });
    await env.ctx.db.insert(schema.accountMembers).values({ accountId: account.id, userId: u.id, role: "member" });
    people[name] = { ...(await loadTenantActor(env.ctx.db, { userId: u.id, username: name, accountId: account.id, isStaff: false })), email: u.email };
  }
});
afterAll(async () => {
  await env?.close();
});

const at = (ms: number) => ({ ...env.ctx, now: () => new Date(ms) });
const digests = () =>
  env.ctx.db
    .select()
    .from(schema.emailOutbox)
    .where(and(eq(schema.emailOutbox.toAddress, people.bob.email), eq(schema.emailOutbox.template, "message_digest")));

describe("the message digest run", () => {
  it("waits for messages younger than the delay (asking to run again when they are due), then mails them once", async () => {
    const { ann, bob } = people;
    const sent = await messageService.sendMessage(env.ctx, ann, { receiverId: bob.userId, content: "too new to mail" });
    const sentAt = new Date(sent.message.createdAt).getTime();

    // Half the delay later (the run that absorbed this message's schedule): nothing is due yet.
    const early = await runMessageDigest(at(sentAt + DELAY / 2), bob.userId, messageService.listUnreadForDigest);
    expect(early.emailId).toBeNull();
    expect(early.retryAt?.getTime()).toBe(sentAt + DELAY);
    expect(await digests()).toEqual([]);

    const due = await runMessageDigest(at(sentAt + DELAY + 1), bob.userId, messageService.listUnreadForDigest);
    expect(due.retryAt).toBeNull();
    const [mail] = await digests();
    expect(mail?.id).toBe(due.emailId);
    expect(mail?.text).toContain("ann (1 unread): “too new to mail”");
    expect(mail?.text).toMatch(/Stop emails about new messages: http:\/\/atrium\.test\/unsubscribe\?token=/);

    // Read before the next run: that run mails nothing.
    await messageService.markConversationRead(env.ctx, bob, { id: sent.conversation.id });
    const after = await runMessageDigest(at(sentAt + 2 * DELAY), bob.userId, messageService.listUnreadForDigest);
    expect(after).toEqual({ emailId: null, retryAt: null });
    expect(await digests()).toHaveLength(1);
  });
});
