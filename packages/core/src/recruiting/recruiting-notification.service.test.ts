import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createLogger, loadConfig } from "@atrium/config";
import { schema } from "@atrium/db";
import { createTestDatabase, testInfraUrls, testRedisPrefix, type TestDatabase } from "@atrium/db/testing";
import { loadTenantActor, type TenantActor } from "../accounts/actor.service.js";
import { insertAccount } from "../accounts/tenant.repository.js";
import * as messageService from "../messages/message.service.js";
import { updatePreferences } from "../notifications/notification.service.js";
import type { ServiceContext } from "../shared/context.js";
import { insertUser } from "../users/user.repository.js";
import * as conversation from "./application-conversation.service.js";
import * as notices from "./recruiting-notification.service.js";

// Recruiting's notices against real Postgres: who hears of what, as their preference for the kind
// says (the ladder: their stored channel, else the kind's default), and the unread-messages digest
// for an application's conversation.

let db: TestDatabase;
let ctx: ServiceContext;
let employer: string;
let applicationId: string;
let interviewId: string;
type Who = "owner" | "recruiter" | "manager" | "plain" | "candidate";
const people = {} as Record<Who, { id: string; email: string; actor: TenantActor }>;

const noticesOf = (who: Who, kind: string) =>
  db.db
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.userId, people[who].id), eq(schema.notifications.kind, kind)));
const mailsTo = (who: Who) => db.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, people[who].email));

beforeAll(async () => {
  const infra = testInfraUrls();
  db = await createTestDatabase(infra.pgAdminUrl);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: db.url, REDIS_URL: infra.redisUrl, REDIS_PREFIX: testRedisPrefix(), APP_URL: "http://atrium.test" });
  ctx = { db: db.db, config, logger: createLogger(config, "recruiting-notice-test"), now: () => new Date() };
  employer = (await insertAccount(db.db, { name: "Clinic", slug: "clinic-notices" })).id;
  const personal = (await insertAccount(db.db, { name: "Cand", slug: "cand-notices" })).id;
  const roles: Array<[Who, "owner" | "member", "recruiter" | "hiring_manager" | null]> = [
    ["owner", "owner", null],
    ["recruiter", "member", "recruiter"],
    ["manager", "member", "hiring_manager"],
    ["plain", "member", null],
  ];
  for (const [who, role, recruitingRole] of roles) {
    const u = await insertUser(db.db, { username: `n-${who}`, email: `n-${who}@example.test`, passwordHash: "x", accountId: employer });
    await db.db.insert(schema.accountMembers).values({ accountId: employer, userId: u.id, role, recruitingRole });
    people[who] = { id: u.id, email: u.email, actor: await loadTenantActor(db.db, { userId: u.id, username: u.username, accountId: employer, isStaff: false }) };
  }
  const c = await insertUser(db.db, { username: "n-candidate", email: "n-candidate@example.test", passwordHash: "x", displayName: "Casey Candidate", accountId: personal });
  await db.db.insert(schema.accountMembers).values({ accountId: personal, userId: c.id, role: "owner" });
  people.candidate = { id: c.id, email: c.email, actor: await loadTenantActor(db.db, { userId: c.id, username: c.username, accountId: personal, isStaff: false }) };
  const [posting] = await db.db.insert(schema.jobPostings).values({ accountId: employer, title: "Night nurse", description: "Care", status: "published", publishedAt: new Date() }).returning();
  const [app] = await db.db
    .insert(schema.applications)
    .values({ accountId: employer, postingId: posting?.id ?? "", candidateUserId: c.id, candidateAccountId: personal })
    .returning();
  applicationId = app?.id ?? "";
  const [iv] = await db.db
    .insert(schema.interviews)
    .values({ accountId: employer, applicationId, startsAt: new Date("2030-01-07T09:30:00Z"), meetingUrl: "https://meet.example.test/x", createdById: people.recruiter.id })
    .returning();
  interviewId = iv?.id ?? "";
  await db.db.insert(schema.interviewInterviewers).values({ interviewId, userId: people.manager.id, accountId: employer });
});
afterAll(async () => {
  await db?.drop();
});

describe("recruiting notices", () => {
  it("a new application: the employer's recruiting managers (owner, recruiter) hear of it; a hiring manager, a plain member and the candidate don't", async () => {
    await updatePreferences(ctx, { userId: people.recruiter.id, username: "n-recruiter", accountId: employer, isStaff: false }, { preferences: [{ kind: "application.received", channel: "in_app" }] });
    await notices.applicationReceived(ctx, { applicationId });
    const [ownerNotice] = await noticesOf("owner", "application.received");
    expect(ownerNotice).toMatchObject({ title: "New application: Night nurse", body: "Casey Candidate applied to Night nurse.", link: `/recruiting/applications/${applicationId}`, accountId: employer });
    expect(await noticesOf("recruiter", "application.received")).toHaveLength(1);
    for (const who of ["manager", "plain", "candidate"] as const) expect(await noticesOf(who, "application.received"), who).toEqual([]);
    // The kind's default is email: the owner (no choice made) gets one; the recruiter chose the bell only.
    expect((await mailsTo("owner")).map((m) => m.subject)).toContain("New application: Night nurse");
    expect((await mailsTo("recruiter")).map((m) => m.subject)).not.toContain("New application: Night nurse");
  });

  it("a status change rings the candidate's bell only (their status email is the application service's), unless they turned it off", async () => {
    await db.db.update(schema.applications).set({ status: "interview" }).where(eq(schema.applications.id, applicationId));
    await notices.applicationStatusChanged(ctx, { applicationId });
    const [n] = await noticesOf("candidate", "application.status");
    expect(n).toMatchObject({ title: "Night nurse: moved to interviews", body: "Your application to Night nurse at Clinic is moved to interviews.", link: `/candidate/applications/${applicationId}` });
    expect(await mailsTo("candidate")).toEqual([]);
    await updatePreferences(ctx, { userId: people.candidate.id, username: "n-candidate", accountId: null, isStaff: false }, { preferences: [{ kind: "application.status", channel: "off" }] });
    await notices.applicationStatusChanged(ctx, { applicationId });
    expect(await noticesOf("candidate", "application.status")).toHaveLength(1);
  });

  it("interviews: scheduled tells the candidate (bell) and the interviewers; confirmed tells the interviewers and who scheduled it, by email by default", async () => {
    await notices.interviewScheduled(ctx, { interviewId });
    expect((await noticesOf("candidate", "interview.scheduled")).map((n) => n.body)).toEqual(["Clinic scheduled an interview with you on 2030-01-07 09:30 UTC. Please confirm it."]);
    expect((await noticesOf("manager", "interview.scheduled")).map((n) => n.title)).toEqual(["Interview with Casey Candidate"]);
    expect(await noticesOf("recruiter", "interview.scheduled")).toEqual([]);

    await notices.interviewConfirmed(ctx, { interviewId });
    for (const who of ["manager", "recruiter"] as const) {
      expect((await noticesOf(who, "interview.confirmed")).map((n) => n.title), who).toEqual(["Casey Candidate confirmed the interview"]);
      expect((await mailsTo(who)).map((m) => m.subject), who).toContain("Casey Candidate confirmed the interview");
    }
    expect(await noticesOf("candidate", "interview.confirmed")).toEqual([]);
  });

  it("never throws for an application or interview that is gone", async () => {
    const gone = "00000000-0000-4000-8000-000000000000";
    await expect(notices.applicationReceived(ctx, { applicationId: gone })).resolves.toBeUndefined();
    await expect(notices.interviewConfirmed(ctx, { interviewId: gone })).resolves.toBeUndefined();
  });

  it("the unread-messages digest lists the application's conversation for the candidate and current recruiters, not for a demoted one", async () => {
    await conversation.sendMessage(ctx, people.candidate.actor, { id: applicationId, content: "Is the night shift fixed?" });
    await conversation.sendMessage(ctx, people.recruiter.actor, { id: applicationId, content: "Can you start in March?" });
    const later = new Date(Date.now() + 60_000);
    const forCandidate = await messageService.listUnreadForDigest(ctx, { userId: people.candidate.id, sentBefore: later });
    expect(forCandidate).toEqual([expect.objectContaining({ unreadCount: 1, newestSnippet: "Can you start in March?", otherName: "n-recruiter" })]);
    const forOwner = await messageService.listUnreadForDigest(ctx, { userId: people.owner.id, sentBefore: later });
    expect(forOwner).toEqual([expect.objectContaining({ unreadCount: 2, otherName: "Casey Candidate" })]);
    // Each message rang the bells of everyone else in the conversation.
    expect((await noticesOf("manager", "application.message")).map((n) => n.title).sort()).toEqual(["Casey Candidate wrote about Night nurse", "Clinic wrote about Night nurse"]);
    expect((await noticesOf("candidate", "application.message")).map((n) => n.title)).toEqual(["Clinic wrote about Night nurse"]);

    await db.db.update(schema.accountMembers).set({ recruitingRole: null }).where(eq(schema.accountMembers.userId, people.manager.id));
    expect(await messageService.listUnreadForDigest(ctx, { userId: people.manager.id, sentBefore: later })).toEqual([]);
  });
});
