import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountTopic, realtimeKey, userTopic, type RealtimeTopic, type TRealtimeEvent } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { newUser, rest, type TestUser } from "./tenancy.test-helpers.js";
import { giveRecruitingRole, newCandidate, seedApplication, seedPosting } from "./interview.test-helpers.js";

// Issue 15's loose ends on the api: an interview becomes "completed" when feedback arrives after its end
// (the worker's sweep does it after a grace otherwise: interview-reminders.test.ts), announced to both
// sides; and the interviewer's "my interviews" and the reports take the employer from the account
// switcher (accountId), so someone recruiting for two employers sees each one's own.

let api: TestApi;
let owner: TestUser;
let interviewer: TestUser;
let employers: Array<{ id: string; postingId: string }>;
let candidate: Awaited<ReturnType<typeof newCandidate>>;

const HOUR = 3_600_000;

async function interviewAt(accountId: string, applicationId: string, startsAt: Date) {
  const [row] = await api.svc.db.insert(schema.interviews).values({ accountId, applicationId, startsAt, meetingUrl: "https://meet.example.test/s" }).returning();
  if (!row) throw new Error("no interview");
  await api.svc.db.insert(schema.interviewInterviewers).values({ interviewId: row.id, userId: interviewer.user.id, accountId });
  return row.id;
}

async function backlog(topic: RealtimeTopic): Promise<TRealtimeEvent[]> {
  const entries = await api.deps.redis.xrange(realtimeKey(api.deps.config.REDIS_PREFIX, topic), "-", "+");
  return entries.map(([, fields]) => (JSON.parse(fields[1] ?? "{}") as { event: TRealtimeEvent }).event);
}

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  owner = await newUser(api, "st-owner");
  interviewer = await newUser(api, "st-interviewer");
  employers = [];
  for (const name of ["First", "Second"]) {
    const account = await owner.call.accounts.create({ name: `${name} Employer` });
    await api.svc.db.insert(schema.accountMembers).values({ accountId: account.id, userId: interviewer.user.id, role: "member" });
    await giveRecruitingRole(api, account.id, interviewer.user.id, "hiring_manager");
    employers.push({ id: account.id, postingId: await seedPosting(api, account.id, `${name} role`) });
  }
  candidate = await newCandidate(api, "st-cand");
});
afterAll(async () => {
  await api?.close();
});

describe("an interview's completion", () => {
  it("comes with feedback given after its end, announced to the employer and the candidate; it then can't be moved, cancelled or confirmed", async () => {
    const [first] = employers as [{ id: string; postingId: string }];
    const applicationId = await seedApplication(api, { accountId: first.id, postingId: first.postingId, candidate, status: "interview" });
    const ended = await interviewAt(first.id, applicationId, new Date(Date.now() - 2 * HOUR));
    const upcoming = await interviewAt(first.id, applicationId, new Date(Date.now() + 2 * HOUR));
    const feedback = (id: string) => rest(api, interviewer.token, "PUT", `/recruiting/interviews/${id}/feedback/`, { recommendation: "yes", notes: "Solid" });

    // Notes written ahead of time leave it scheduled.
    expect((await feedback(upcoming)).status).toBe(200);
    expect((await rest(api, owner.token, "GET", `/recruiting/interviews/${upcoming}/`)).body.status).toBe("scheduled");

    expect((await feedback(ended)).status).toBe(200);
    expect((await rest(api, owner.token, "GET", `/recruiting/interviews/${ended}/`)).body.status).toBe("completed");
    const theirs = (await rest(api, candidate.token, "GET", "/recruiting/interviews/candidate/")).body.items as Array<{ id: string; status: string }>;
    expect(theirs.find((i) => i.id === ended)?.status).toBe("completed");
    const completedOn = async (topic: RealtimeTopic) => (await backlog(topic)).filter((e) => e.type === "interview.changed" && e.interviewId === ended && e.status === "completed");
    expect(await completedOn(accountTopic(first.id))).toHaveLength(1);
    expect(await completedOn(userTopic(candidate.user.id))).toHaveLength(1);

    // Over: no more moves; late feedback is still taken.
    expect((await rest(api, owner.token, "POST", `/recruiting/interviews/${ended}/cancel/`)).status).toBe(409);
    expect((await rest(api, owner.token, "POST", `/recruiting/interviews/${ended}/reschedule/`, { startsAt: new Date(Date.now() + 24 * HOUR).toISOString() })).status).toBe(409);
    expect((await rest(api, candidate.token, "POST", `/recruiting/interviews/${ended}/confirm/`)).status).toBe(409);
    expect((await feedback(ended)).status).toBe(200);
    const [row] = await api.svc.db.select().from(schema.interviews).where(eq(schema.interviews.id, ended));
    expect(row?.status).toBe("completed");
  });
});

describe("the account switcher's employer", () => {
  it("narrows my interviews and the reports to that employer; one you don't recruit for is refused", async () => {
    const [first, second] = employers as [{ id: string; postingId: string }, { id: string; postingId: string }];
    const other = await newCandidate(api, "st-other");
    const atSecond = await seedApplication(api, { accountId: second.id, postingId: second.postingId, candidate: other, status: "hired", hiredAt: new Date() });
    const soon = await interviewAt(second.id, atSecond, new Date(Date.now() + 5 * HOUR));
    const firstApp = await seedApplication(api, { accountId: first.id, postingId: first.postingId, candidate: other });
    const firstSoon = await interviewAt(first.id, firstApp, new Date(Date.now() + 6 * HOUR));

    const mine = async (input: Record<string, unknown>) => ((await rest(api, interviewer.token, "GET", "/recruiting/interviews/mine/", input)).body.items as Array<{ id: string }>).map((i) => i.id);
    expect(await mine({})).toEqual(expect.arrayContaining([soon, firstSoon]));
    expect(await mine({ accountId: second.id })).toEqual([soon]);
    expect(await mine({ accountId: first.id })).not.toContain(soon);

    // The interviewer's home is neither employer: the reports follow the accountId they are given.
    const funnel = await rest(api, interviewer.token, "GET", "/recruiting/reports/funnel/", { accountId: second.id });
    expect(funnel.status).toBe(200);
    expect((funnel.body.items as Array<{ postingTitle: string; hired: number }>).map((r) => [r.postingTitle, r.hired])).toEqual([["Second role", 1]]);

    // An account the caller doesn't recruit for: refused like any tenant route.
    const stranger = await owner.call.accounts.create({ name: "Not theirs" });
    expect((await rest(api, interviewer.token, "GET", "/recruiting/interviews/mine/", { accountId: stranger.id })).status).toBe(404);
    expect((await rest(api, interviewer.token, "GET", "/recruiting/interviews/mine/", { accountId: "nope" })).body.data?.fieldErrors?.accountId).toEqual(["Not a valid account id"]);
  });
});
