// Issue 15: the candidate's "Interview Reminder" (seed 002's template) goes out once per interview time,
// from the worker's schedule, however many sweeps or worker replicas run at once.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeEndedInterviews, INTERVIEW_COMPLETION_GRACE_MINUTES, sendInterviewReminders, type ServiceContext } from "@atrium/core";
import { schema } from "@atrium/db";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";
import { producerContext } from "../analysis/analysis.test-helpers.js";

let env: TestWorkerEnv;
let svc: ServiceContext;
let closeProducer: () => Promise<void>;
let employer: string;
let applicationId: string;
const candidateEmail = "reminded@example.test";
const MINUTE = 60_000;

async function interview(startsInMinutes: number, extra: Partial<typeof schema.interviews.$inferInsert> = {}): Promise<string> {
  const [row] = await svc.db
    .insert(schema.interviews)
    .values({ accountId: employer, applicationId, startsAt: new Date(Date.now() + startsInMinutes * MINUTE), meetingUrl: "https://meet.example.test/r", ...extra })
    .returning();
  if (!row) throw new Error("no interview");
  return row.id;
}

const reminders = () => svc.db.select().from(schema.emailOutbox).where(and(eq(schema.emailOutbox.toAddress, candidateEmail), eq(schema.emailOutbox.template, "interview_reminder")));
const reminderSentAt = async (id: string) => (await svc.db.select().from(schema.interviews).where(eq(schema.interviews.id, id)))[0]?.reminderSentAt ?? null;

beforeAll(async () => {
  env = await createTestWorkerEnv({ INTERVIEW_REMINDER_LEAD_MINUTES: "60" });
  ({ svc, close: closeProducer } = producerContext(env));
  const db = svc.db;
  const [employerAccount] = await db.insert(schema.accounts).values({ name: "Remind Corp", slug: "remind-corp" }).returning();
  const [home] = await db.insert(schema.accounts).values({ name: "Rita's", slug: "rita-home" }).returning();
  const [user] = await db.insert(schema.users).values({ username: "rita", displayName: "Rita", email: candidateEmail, passwordHash: "x" }).returning();
  if (!employerAccount || !home || !user) throw new Error("not seeded");
  employer = employerAccount.id;
  const [posting] = await db.insert(schema.jobPostings).values({ accountId: employer, title: "Data Analyst", description: "d", status: "published" }).returning();
  if (!posting) throw new Error("no posting");
  const [application] = await db.insert(schema.applications).values({ accountId: employer, postingId: posting.id, candidateUserId: user.id, candidateAccountId: home.id, status: "interview" }).returning();
  if (!application) throw new Error("no application");
  applicationId = application.id;
});
afterAll(async () => {
  await closeProducer?.();
  await env?.close();
});

describe("interview reminders", () => {
  it("reminds only interviews inside the lead that are live and not yet reminded, once, even with two sweeps at the same moment", async () => {
    const due = await interview(30);
    const later = await interview(180);
    const cancelled = await interview(20, { status: "cancelled" });
    const done = await interview(25, { reminderSentAt: new Date() });
    const past = await interview(-30);

    // Two sweeps at once, made to overlap for sure: the first holds its claim uncommitted while the second
    // runs. The second must neither wait for the first and then send again, nor send alongside it.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let one = { sent: -1 };
    const first = svc.db.transaction(async (tx) => {
      one = await sendInterviewReminders({ ...svc, db: tx, jobs: undefined }, { limit: 50 });
      await held;
    });
    await waitFor(() => one.sent >= 0, { what: "the first sweep to claim" });
    const second = sendInterviewReminders(svc, { limit: 50 });
    // Either the second sweep finishes while the first still holds its rows, or it is stuck behind their locks.
    const blocked = async () => (await svc.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rows[0]?.n;
    await Promise.race([second, waitFor(blocked, { what: "the second sweep to finish or wait on a lock" })]);
    release();
    await first;
    const two = await second;
    expect(one.sent + two.sent).toBe(1);
    const mails = await reminders();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: "Interview Reminder: Data Analyst", accountId: employer });
    expect(mails[0]?.text).toContain("This is a reminder about your upcoming interview.");
    expect(mails[0]?.text).toContain("Hi Rita,");
    expect(await reminderSentAt(due)).not.toBeNull();
    for (const id of [later, cancelled, past]) expect(await reminderSentAt(id)).toBeNull();
    expect(await reminderSentAt(done)).not.toBeNull();

    // A rerun finds nothing left; a reschedule (which clears the mark) is reminded again for the new time.
    expect(await sendInterviewReminders(svc, { limit: 50 })).toEqual({ sent: 0 });
    await svc.db.update(schema.interviews).set({ reminderSentAt: null, startsAt: new Date(Date.now() + 40 * MINUTE) }).where(eq(schema.interviews.id, due));
    expect(await sendInterviewReminders(svc, { limit: 50 })).toEqual({ sent: 1 });
    expect(await reminders()).toHaveLength(2);
    await svc.db.delete(schema.interviews);
    await svc.db.delete(schema.emailOutbox);
  });

  it("marks interviews completed once their end is past the grace, once, leaving live, recent and cancelled ones", async () => {
    const grace = INTERVIEW_COMPLETION_GRACE_MINUTES;
    // 60-minute interviews: one ended well past the grace, one ended inside it, one still to come, one cancelled long ago.
    const ended = await interview(-(60 + grace + 5), { status: "confirmed" });
    const recent = await interview(-(60 + grace - 10));
    const upcoming = await interview(30);
    const cancelled = await interview(-(60 + grace + 30), { status: "cancelled" });
    const statusOf = async (id: string) => (await svc.db.select().from(schema.interviews).where(eq(schema.interviews.id, id)))[0]?.status;
    const [one, two] = await Promise.all([completeEndedInterviews(svc, { limit: 50 }), completeEndedInterviews(svc, { limit: 50 })]);
    expect(one.completed + two.completed).toBe(1);
    expect([await statusOf(ended), await statusOf(recent), await statusOf(upcoming), await statusOf(cancelled)]).toEqual(["completed", "scheduled", "scheduled", "cancelled"]);
    expect(await completeEndedInterviews(svc, { limit: 50 })).toEqual({ completed: 0 });
    await svc.db.delete(schema.interviews);
  });

  it("goes out from the worker's own schedule, once, with two worker replicas running", async () => {
    const id = await interview(45);
    await Promise.all([env.start(), env.start()]);
    await waitFor(async () => (await reminderSentAt(id)) !== null, { timeoutMs: 20_000, what: "the reminder sweep to claim the interview" });
    // The email is sent through the notifications queue by one of the replicas.
    await waitFor(async () => (await reminders()).some((m) => m.status === "sent"), { timeoutMs: 20_000, what: "the reminder email to be sent" });
    expect(await reminders()).toHaveLength(1);
  });

});
