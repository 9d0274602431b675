// Issue 12, notifications as operated: the worker is its own process (as `npm start` runs it); this test
// process plays the api's part through core (the same producer code the api runs), with a short
// MESSAGE_EMAIL_DELAY_MS. What the worker does shows in the outbox: delivered emails, one digest per
// recipient, nothing for messages read in time or for a kind turned off.
import { and, eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, loadConfig } from "@atrium/config";
import { createJobQueues, type JobQueues } from "@atrium/core/queues";
import { insertAccount, insertUser } from "@atrium/core/testing";
import { loadTenantActor, messageDigestService, messageService, notificationService, unsubscribe, type ServiceContext, type TenantActor } from "@atrium/core";
import { schema } from "@atrium/db";
import { startService, stopAllServices, waitForWorker, workerSpec, createTestStack, type TestStack } from "@atrium/testing";

const DELAY_MS = 1500;
let stack: TestStack;
let ctx: ServiceContext;
let jobs: JobQueues;
let redis: Redis;
const people: Record<"ann" | "bob" | "cat" | "dan", TenantActor & { email: string }> = {} as never;

beforeAll(async () => {
  stack = await createTestStack({ MESSAGE_EMAIL_DELAY_MS: String(DELAY_MS) });
  const worker = startService(workerSpec("dev", stack.env));
  const config = loadConfig({ ...stack.env, LOG_LEVEL: "silent" });
  redis = new Redis(config.REDIS_URL ?? "", { maxRetriesPerRequest: null });
  jobs = createJobQueues({ connection: redis, prefix: config.REDIS_PREFIX });
  ctx = { db: stack.db.db, config, logger: createLogger(config, "notifications-test"), now: () => new Date(), jobs };
  const account = await insertAccount(stack.db.db, { name: "Acme", slug: "acme-notify" });
  for (const name of ["ann", "bob", "cat", "dan"] as const) {
    const u = await insertUser(stack.db.db, { username: name, email: `${name}@example.test`, passwordHash: "x", accountId: account.id, emailVerifiedAt: new Date() });
    await stack.db.db.insert(schema.accountMembers).values({ accountId: account.id, userId: u.id, role: "member" });
    people[name] = { ...(await loadTenantActor(stack.db.db, { userId: u.id, username: name, accountId: account.id, isStaff: false })), email: u.email };
  }
  await waitForWorker(worker);
}, 120_000);

afterAll(async () => {
  await stopAllServices();
  await jobs?.close();
  redis?.disconnect();
  await stack?.db.drop();
});

const emails = (to: string, template: string) =>
  stack.db.db
    .select()
    .from(schema.emailOutbox)
    .where(and(eq(schema.emailOutbox.toAddress, to), eq(schema.emailOutbox.template, template)));

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The recipient's pending digest is gone: the worker ran it to the end. */
const digestDone = (userId: string) => until(`the digest of ${userId} to finish`, async () => !(await jobs.queue("notifications").getJob(messageDigestService.digestJobId(userId))));

describe("notifications with the worker as its own process", () => {
  it("email preference: the bell row and an email the worker delivers; off: nothing at all", async () => {
    const { ann } = people;
    const emailed = await notificationService.notify(ctx, { userId: ann.userId, kind: "payment.failed", title: "Payment failed for Acme", body: "Update the card", link: "/billing" });
    expect(emailed.notificationId).not.toBeNull();
    const sent = await until("the email to be delivered", async () => (await emails(ann.email, "notification")).find((e) => e.status === "sent"));
    expect(sent.id).toBe(emailed.emailId);
    expect(sent.text).toContain("Payment failed for Acme");

    await notificationService.updatePreferences(ctx, { userId: ann.userId, username: "ann", accountId: null, isStaff: false }, { preferences: [{ kind: "job.failed", channel: "off" }] });
    expect(await notificationService.notify(ctx, { userId: ann.userId, kind: "job.failed", title: "x", body: "y" })).toEqual({ notificationId: null, emailId: null });
    const rows = await stack.db.db.select().from(schema.notifications).where(eq(schema.notifications.userId, ann.userId));
    expect(rows.map((r) => r.kind)).toEqual(["payment.failed"]);
  });

  it("two messages make ONE digest email after the delay, listing the conversation with both unread, with a working unsubscribe link", async () => {
    const { ann, bob } = people;
    await messageService.sendMessage(ctx, ann, { receiverId: bob.userId, content: "first of two" });
    await messageService.sendMessage(ctx, ann, { receiverId: bob.userId, content: "second of two" });
    const [digest] = await until("the digest", async () => {
      const found = await emails(bob.email, "message_digest");
      return found.length ? found : undefined;
    });
    await digestDone(bob.userId);
    expect(await emails(bob.email, "message_digest")).toHaveLength(1);
    expect(digest?.text).toContain("ann (2 unread)");
    expect(digest?.text).toContain("second of two");

    const token = decodeURIComponent(/\/unsubscribe\?token=([^\s"&]+)/.exec(digest?.text ?? "")?.[1] ?? "");
    await expect(unsubscribe(ctx, token)).resolves.toEqual({ kind: "message.new", channel: "off" });
    // Off: the next message schedules nothing at all.
    await messageService.sendMessage(ctx, ann, { receiverId: bob.userId, content: "after unsubscribing" });
    expect(await jobs.queue("notifications").getJob(messageDigestService.digestJobId(bob.userId))).toBeUndefined();
  });

  it("sends nothing when the message was read before the delay ran out", async () => {
    const { ann, cat } = people;
    const sent = await messageService.sendMessage(ctx, ann, { receiverId: cat.userId, content: "read me soon" });
    expect(await jobs.queue("notifications").getJob(messageDigestService.digestJobId(cat.userId))).toBeDefined();
    await messageService.markConversationRead(ctx, cat, { id: sent.conversation.id });
    await digestDone(cat.userId);
    expect(await emails(cat.email, "message_digest")).toEqual([]);
  });

  it("lists only what is still unread: of two conversations, the one read meanwhile stays out", async () => {
    const { ann, bob, dan } = people;
    const fromAnn = await messageService.sendMessage(ctx, ann, { receiverId: dan.userId, content: "from ann" });
    await messageService.sendMessage(ctx, bob, { receiverId: dan.userId, content: "from bob" });
    await messageService.markConversationRead(ctx, dan, { id: fromAnn.conversation.id });
    const [digest] = await until("dan's digest", async () => {
      const found = await emails(dan.email, "message_digest");
      return found.length ? found : undefined;
    });
    await digestDone(dan.userId);
    expect(digest?.text).toContain("bob (1 unread)");
    expect(digest?.text).not.toContain("from ann");
    expect(await emails(dan.email, "message_digest")).toHaveLength(1);
  });
});
