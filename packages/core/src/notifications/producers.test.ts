import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { newAccount, setPolicy, startBillingTestEnv, type BillingTestEnv } from "../billing/billing.test-helpers.js";
import { creditReserve, debitReserve } from "../billing/ledger.service.js";
import { bellOf, jobOutcomeNotice, notifyJobOutcome, JOB_EMAIL_MIN_RUN_MS } from "../analysis-jobs/job-notify.service.js";
import { jobWritesFor } from "../analysis-jobs/job-writes.js";
import { updatePreferences } from "./notification.service.js";

// The producers other domains call, against real Postgres: each notifies as the recipient's preference says.

let env: BillingTestEnv;
beforeAll(async () => {
  env = await startBillingTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const noticesOf = (userId: string) => env.ctx.db.select().from(schema.notifications).where(eq(schema.notifications.userId, userId));
const emailsTo = (to: string, template: string) =>
  env.ctx.db
    .select()
    .from(schema.emailOutbox)
    .where(and(eq(schema.emailOutbox.toAddress, to), eq(schema.emailOutbox.template, template)));
const ownersOf = (accountId: string) =>
  env.ctx.db.select({ id: schema.users.id, email: schema.users.email, username: schema.users.username }).from(schema.users).where(eq(schema.users.accountId, accountId));

describe("notification producers", () => {
  it("low balance: every owner gets the bell; the low-balance email only goes to owners whose preference is email", async () => {
    const { accountId } = await newAccount(env.ctx, { owners: 2 });
    const [quiet, loud] = await ownersOf(accountId);
    if (!quiet || !loud) throw new Error("expected two owners");
    await updatePreferences(env.ctx, { userId: quiet.id, username: quiet.username, accountId, isStaff: false }, { preferences: [{ kind: "balance.low", channel: "in_app" }] });
    await setPolicy(env.ctx, accountId, { lowBalancePolicy: "warn", lowBalanceThresholdCents: 1000 });
    await creditReserve(env.ctx.db, { accountId, amountCents: 1500, idempotencyKey: `c:${accountId}` }, env.ctx);
    await debitReserve(env.ctx.db, { accountId, amountCents: 600, idempotencyKey: `d:${accountId}` }, env.ctx);

    for (const owner of [quiet, loud]) expect((await noticesOf(owner.id)).map((n) => [n.kind, n.link, n.accountId])).toEqual([["balance.low", "/billing", accountId]]);
    expect(await emailsTo(quiet.email, "low_balance")).toEqual([]);
    expect(await emailsTo(loud.email, "low_balance")).toHaveLength(1);
  });

  it("jobs: the starter hears how it ended; only a job that ran long enough also emails, and a job without a starter tells no one", async () => {
    const { accountId } = await newAccount(env.ctx);
    const [starter] = await ownersOf(accountId);
    if (!starter) throw new Error("expected an owner");
    const now = Date.now();
    const job = async (ranMs: number, createdById: string | null) => {
      const [row] = await env.ctx.db
        .insert(schema.jobs)
        .values({ accountId, type: "document_analysis", input: {}, createdById, status: "running", startedAt: new Date(now - ranMs) })
        .returning();
      if (!row) throw new Error("no job");
      return row;
    };
    const quick = await job(1_000, starter.id);
    const long = await job(JOB_EMAIL_MIN_RUN_MS + 1_000, starter.id);
    const orphan = await job(JOB_EMAIL_MIN_RUN_MS + 1_000, null);
    await notifyJobOutcome(env.ctx, quick, { status: "success" });
    await notifyJobOutcome(env.ctx, long, { status: "failed", error: "The document has no text" });
    await notifyJobOutcome(env.ctx, orphan, { status: "success" });

    const notices = await noticesOf(starter.id);
    expect(notices.map((n) => [n.kind, n.link]).sort()).toEqual([
      ["job.failed", `/jobs/${long.id}`],
      ["job.finished", `/jobs/${quick.id}`],
    ]);
    const mails = await emailsTo(starter.email, "notification");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("Document analysis failed");
    expect(mails[0]?.text).toContain(`http://atrium.test/jobs/${long.id}`);
    expect(mails[0]?.text).toContain("The document has no text");
  });

  it("jobs: short runs finishing together ring their bells in their finish's one statement, each still by its starter's channel", async () => {
    const { accountId } = await newAccount(env.ctx, { owners: 2 });
    const [muted, watching] = await ownersOf(accountId);
    if (!muted || !watching) throw new Error("expected two owners");
    await updatePreferences(env.ctx, { userId: muted.id, username: muted.username, accountId, isStaff: false }, { preferences: [{ kind: "job.finished", channel: "off" }] });
    const quick = async (createdById: string) => {
      const [row] = await env.ctx.db.insert(schema.jobs).values({ accountId, type: "noop", input: {}, createdById, status: "running", startedAt: new Date() }).returning();
      if (!row) throw new Error("no job");
      return row;
    };
    const jobs = [await quick(muted.id), await quick(watching.id), await quick(watching.id)];
    const set = { status: "success" as const, error: null, finishedAt: new Date() };
    const finished = await Promise.all(
      jobs.map((j) => jobWritesFor(env.ctx.db).finish.load({ jobId: j.id, from: ["running"], set, events: [], bell: bellOf(jobOutcomeNotice(env.ctx, j, { status: "success" })) })),
    );

    expect(await noticesOf(muted.id)).toEqual([]);
    expect(finished.map((f) => f.notificationId === null)).toEqual([true, false, false]);
    const seen = await env.ctx.db.select({ id: schema.notifications.id, link: schema.notifications.link, tx: sql<string>`xmin::text` }).from(schema.notifications).where(eq(schema.notifications.userId, watching.id));
    expect(seen.map((n) => n.link).sort()).toEqual([`/jobs/${jobs[1]?.id}`, `/jobs/${jobs[2]?.id}`].sort());
    expect(seen.map((n) => n.id).sort()).toEqual([finished[1]?.notificationId, finished[2]?.notificationId].sort());
    // One transaction for the three finishes and both bells.
    const ended = await env.ctx.db.select({ tx: sql<string>`xmin::text` }).from(schema.jobs).where(eq(schema.jobs.accountId, accountId));
    expect(new Set([...seen, ...ended].map((n) => n.tx)).size).toBe(1);
  });
});
