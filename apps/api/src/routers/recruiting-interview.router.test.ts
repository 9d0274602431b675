import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { newTenant, newUser, type TestUser } from "./tenancy.test-helpers.js";
import { restStream, subscribed } from "../realtime/sse.test-helpers.js";
import { giveRecruitingRole, newCandidate, outboxTo, seedApplication, seedPosting } from "./interview.test-helpers.js";

// Interviews over both transports: the employer schedules, moves and cancels (the candidate is emailed
// each time), the candidate confirms, interviewers write their own feedback; and the hostile inputs:
// another employer's application, an interviewer from outside, someone else's interview, a past time.

const routes = {
  list: { method: "GET", rest: "/api/recruiting/interviews/", trpc: "recruiting.interviews.list", kind: "query" },
  interviewers: { method: "GET", rest: "/api/recruiting/interviews/interviewers/", trpc: "recruiting.interviews.interviewers", kind: "query" },
  mine: { method: "GET", rest: "/api/recruiting/interviews/mine/", trpc: "recruiting.interviews.mine", kind: "query" },
  candidate: { method: "GET", rest: "/api/recruiting/interviews/candidate/", trpc: "recruiting.interviews.candidate", kind: "query" },
  get: { method: "GET", rest: "/api/recruiting/interviews/{id}/", trpc: "recruiting.interviews.get", kind: "query" },
  schedule: { method: "POST", rest: "/api/recruiting/interviews/", trpc: "recruiting.interviews.schedule", kind: "mutation" },
  reschedule: { method: "POST", rest: "/api/recruiting/interviews/{id}/reschedule/", trpc: "recruiting.interviews.reschedule", kind: "mutation" },
  cancel: { method: "POST", rest: "/api/recruiting/interviews/{id}/cancel/", trpc: "recruiting.interviews.cancel", kind: "mutation" },
  confirm: { method: "POST", rest: "/api/recruiting/interviews/{id}/confirm/", trpc: "recruiting.interviews.confirm", kind: "mutation" },
  feedback: { method: "GET", rest: "/api/recruiting/interviews/{id}/feedback/", trpc: "recruiting.interviews.feedback", kind: "query" },
  submitFeedback: { method: "PUT", rest: "/api/recruiting/interviews/{id}/feedback/", trpc: "recruiting.interviews.submitFeedback", kind: "mutation" },
  attachRecording: { method: "POST", rest: "/api/recruiting/interviews/{id}/recording/", trpc: "recruiting.interviews.attachRecording", kind: "mutation" },
} as const;

type Interview = { id: string; status: string; startsAt: string; confirmedAt: string | null; reminderSentAt: string | null; interviewers: Array<{ userId: string; recommendation: string | null }> };
const unknown = "00000000-0000-4000-8000-000000000000";
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

let api: TestApi;
let a: Awaited<ReturnType<typeof newTenant>>;
let b: Awaited<ReturnType<typeof newTenant>>;
let recruiter: TestUser;
let manager: TestUser;
let plain: TestUser;
let stranger: Awaited<ReturnType<typeof newCandidate>>;
let postingId: string;

async function joinAccount(accountId: string, u: TestUser, recruiting: "recruiter" | "hiring_manager" | null) {
  await api.svc.db.insert(schema.accountMembers).values({ accountId, userId: u.user.id, role: "member" });
  await giveRecruitingRole(api, accountId, u.user.id, recruiting);
}

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  a = await newTenant(api, "iv-a");
  b = await newTenant(api, "iv-b");
  recruiter = await newUser(api, "iv-recruiter");
  manager = await newUser(api, "iv-manager");
  plain = await newUser(api, "iv-plain");
  await joinAccount(a.account.id, recruiter, "recruiter");
  await joinAccount(a.account.id, manager, "hiring_manager");
  await joinAccount(a.account.id, plain, null);
  stranger = await newCandidate(api, "iv-stranger");
  postingId = await seedPosting(api, a.account.id, "Platform Engineer");
});
afterAll(async () => {
  await api.close();
});

describe.each<Transport>(["rest", "trpc"])("interviews over %s", (transport) => {
  const as = (u: TestUser) => bearer(u.token);
  let applicationId: string;
  let candidate: Awaited<ReturnType<typeof newCandidate>>;
  beforeAll(async () => {
    candidate = await newCandidate(api, `iv-cand-${transport}`);
    applicationId = await seedApplication(api, { accountId: a.account.id, postingId, candidate, status: "interview" });
  });

  const schedule = (input: Record<string, unknown>, u: TestUser = recruiter) =>
    call(api.url, transport, routes.schedule, { applicationId, startsAt: inDays(3), durationMinutes: 45, interviewerIds: [manager.user.id], meetingUrl: "https://meet.example.test/abc", ...input }, as(u));

  it("schedules, lists for the application, the interviewer and the candidate; the candidate confirms; moving it asks again; cancelling tells them", async () => {
    const created = await schedule({});
    expect(created.status, JSON.stringify(created.error)).toBe(200);
    const interview = created.data as Interview;
    expect(interview).toMatchObject({ status: "scheduled", confirmedAt: null, interviewers: [{ userId: manager.user.id, recommendation: null }] });

    const people = await call(api.url, transport, routes.interviewers, { applicationId }, as(recruiter));
    const names = (people.data as { items: Array<{ username: string }> }).items.map((p) => p.username);
    expect(names).toEqual(expect.arrayContaining([recruiter.user.username, manager.user.username, a.owner.user.username]));
    expect(names).not.toContain(plain.user.username);
    expect((await call(api.url, transport, routes.interviewers, { applicationId }, as(b.owner))).status).toBe(404);

    const list = await call(api.url, transport, routes.list, { applicationId }, as(manager));
    expect((list.data as { items: Interview[] }).items.map((i) => i.id)).toEqual([interview.id]);
    const mine = await call(api.url, transport, routes.mine, { limit: 10 }, as(manager));
    expect((mine.data as { items: Interview[] }).items.map((i) => i.id)).toContain(interview.id);
    expect(((await call(api.url, transport, routes.mine, { limit: 10 }, as(recruiter))).data as { items: Interview[] }).items.map((i) => i.id)).not.toContain(interview.id);

    const theirs = await call(api.url, transport, routes.candidate, { limit: 10 }, as(candidate));
    expect((theirs.data as { items: Array<Record<string, unknown>> }).items).toEqual([
      expect.objectContaining({ id: interview.id, postingTitle: "Platform Engineer", employerName: "iv-a Inc", status: "scheduled", interviewers: [{ name: manager.user.username }] }),
    ]);
    // The candidate's view carries nothing of the employer's own (feedback, recording, reminders).
    expect(Object.keys((theirs.data as { items: object[] }).items[0] ?? {})).not.toContain("recording");

    const confirmed = await call(api.url, transport, routes.confirm, { id: interview.id }, as(candidate));
    expect(confirmed.data).toMatchObject({ id: interview.id, status: "confirmed" });
    expect((confirmed.data as { confirmedAt: string | null }).confirmedAt).not.toBeNull();

    // The bells: the interviewer heard of the interview, whoever scheduled it of the confirmation.
    const notices = await api.svc.db.select().from(schema.notifications);
    const kindsFor = (u: TestUser) => notices.filter((n) => n.userId === u.user.id && n.link?.includes(applicationId)).map((n) => n.kind);
    expect(kindsFor(manager)).toContain("interview.scheduled");
    expect(kindsFor(recruiter)).toContain("interview.confirmed");

    // A reminder already went out for the old time: the new time gets its own.
    await api.svc.db.update(schema.interviews).set({ reminderSentAt: new Date() }).where(eq(schema.interviews.id, interview.id));
    const moved = await call(api.url, transport, routes.reschedule, { id: interview.id, startsAt: inDays(4), location: "Office, room 4" }, as(recruiter));
    expect(moved.status, JSON.stringify(moved.error)).toBe(200);
    expect(moved.data).toMatchObject({ status: "scheduled", confirmedAt: null, reminderSentAt: null, location: "Office, room 4" });

    // A new panel at the same time is not the candidate's news: no email for it.
    const restaffed = await call(api.url, transport, routes.reschedule, { id: interview.id, startsAt: (moved.data as Interview).startsAt, interviewerIds: [manager.user.id, a.owner.user.id] }, as(recruiter));
    expect((restaffed.data as Interview).interviewers.map((i) => i.userId).sort()).toEqual([manager.user.id, a.owner.user.id].sort());

    const cancelled = await call(api.url, transport, routes.cancel, { id: interview.id }, as(recruiter));
    expect(cancelled.data).toMatchObject({ status: "cancelled" });
    expect((await call(api.url, transport, routes.confirm, { id: interview.id }, as(candidate))).status).toBe(409);

    const mails = await outboxTo(api, candidate.user.email);
    expect(mails.map((m) => m.template)).toEqual(["interview_scheduled", "interview_rescheduled", "interview_cancelled"]);
    expect(mails[0]?.subject).toBe("Interview scheduled: Platform Engineer");
    expect(mails[0]?.text).toContain("https://meet.example.test/abc");
    expect(mails[1]?.text).toContain("Office, room 4");

    const audit = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, interview.id));
    expect(audit.map((e) => e.eventType).sort()).toEqual(["interview.cancelled", "interview.confirmed", "interview.rescheduled", "interview.rescheduled", "interview.scheduled"]);
  });

  it("refuses bad input with field messages: a past time, a short or long duration, an http link, no place, an outsider on the panel", async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ startsAt: inDays(-1) }, "startsAt", /future/],
      [{ durationMinutes: 10 }, "durationMinutes", /At least 15/],
      [{ durationMinutes: 481 }, "durationMinutes", /At most 480/],
      [{ meetingUrl: "http://meet.example.test/x" }, "meetingUrl", /https/],
      [{ meetingUrl: null, location: "" }, "meetingUrl", /meeting link or a location/],
      [{ interviewerIds: [b.owner.user.id] }, "interviewerIds", /not a member of this account/],
      [{ interviewerIds: [plain.user.id] }, "interviewerIds", /not a member of this account who may interview/],
      [{ interviewerIds: [] }, "interviewerIds", /at least one/],
      [{ extra: true }, "", /extra/],
    ];
    for (const [input, field, message] of cases) {
      const r = await schedule(input);
      expect(r.status, JSON.stringify(input)).toBe(400);
      if (field) expect(r.error?.fieldErrors?.[field]?.join(" "), JSON.stringify(r.error)).toMatch(message);
      else expect(JSON.stringify(r.error)).toMatch(message);
    }
    expect(await api.svc.db.select().from(schema.interviews).where(eq(schema.interviews.applicationId, applicationId)).then((rows) => rows.filter((r) => r.status !== "cancelled"))).toEqual([]);
  });

  it("answers another employer's application, someone else's interview and unknown ids alike: 404", async () => {
    // Tenant B's owner, on A's application: exactly like an application that doesn't exist.
    const foreign = await schedule({ interviewerIds: [b.owner.user.id] }, b.owner);
    const missing = await call(api.url, transport, routes.schedule, { applicationId: unknown, startsAt: inDays(3), interviewerIds: [b.owner.user.id], location: "x" }, as(b.owner));
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect(foreign.error?.message).toBe(missing.error?.message);
    expect((await call(api.url, transport, routes.list, { applicationId }, as(b.owner))).status).toBe(404);

    const interview = (await schedule({})).data as Interview;
    for (const [route, input] of [
      [routes.get, { id: interview.id }],
      [routes.cancel, { id: interview.id }],
      [routes.reschedule, { id: interview.id, startsAt: inDays(5) }],
      [routes.feedback, { id: interview.id }],
    ] as const) {
      expect((await call(api.url, transport, route, input, as(b.owner))).status, route.trpc).toBe(404);
    }
    // Another candidate (and the employer's own staff, who are not the candidate) can't confirm it.
    const other = await call(api.url, transport, routes.confirm, { id: interview.id }, as(stranger));
    const none = await call(api.url, transport, routes.confirm, { id: unknown }, as(stranger));
    expect([other.status, none.status]).toEqual([404, 404]);
    expect(other.error?.message).toBe(none.error?.message);
    expect((await call(api.url, transport, routes.confirm, { id: interview.id }, as(recruiter))).status).toBe(404);
    expect(((await call(api.url, transport, routes.candidate, { limit: 10 }, as(stranger))).data as { items: unknown[] }).items).toEqual([]);
    // A member without a recruiting role sees no candidates' interviews, nor may a hiring manager schedule.
    expect((await call(api.url, transport, routes.get, { id: interview.id }, as(plain))).status).toBe(403);
    expect((await schedule({}, manager)).status).toBe(403);
  });

  it("lets each interviewer write their own feedback, no one else; recruiters and hiring managers read all of it", async () => {
    const interview = (await schedule({ interviewerIds: [manager.user.id, a.owner.user.id] })).data as Interview;
    const feedback = { id: interview.id, notes: "Strong on systems design", scorecard: [{ criterion: "Design", score: 5, comment: "clear" }, { criterion: "Coding", score: 4 }], recommendation: "yes" };

    // The recruiter who scheduled it is not on the panel; nor is a plain member; another tenant doesn't find it.
    expect((await call(api.url, transport, routes.submitFeedback, feedback, as(recruiter))).status).toBe(403);
    expect((await call(api.url, transport, routes.submitFeedback, feedback, as(plain))).status).toBe(403);
    expect((await call(api.url, transport, routes.submitFeedback, feedback, as(b.owner))).status).toBe(404);

    const bad = await call(api.url, transport, routes.submitFeedback, { ...feedback, scorecard: [{ criterion: "Design", score: 6 }] }, as(manager));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.error?.fieldErrors)).toMatch(/Score from 1 to 5/);
    const tooMany = await call(api.url, transport, routes.submitFeedback, { ...feedback, scorecard: Array.from({ length: 21 }, (_, i) => ({ criterion: `c${i}`, score: 3 })) }, as(manager));
    expect(tooMany.status).toBe(400);

    const written = await call(api.url, transport, routes.submitFeedback, feedback, as(manager));
    expect(written.status, JSON.stringify(written.error)).toBe(200);
    expect(written.data).toMatchObject({ userId: manager.user.id, notes: "Strong on systems design", recommendation: "yes", scorecard: feedback.scorecard });

    const all = await call(api.url, transport, routes.feedback, { id: interview.id }, as(recruiter));
    const items = (all.data as { items: Array<{ userId: string; recommendation: string | null; notes: string }> }).items;
    expect(items.map((f) => [f.userId, f.recommendation]).sort()).toEqual([[a.owner.user.id, null], [manager.user.id, "yes"]].sort());
    expect((await call(api.url, transport, routes.feedback, { id: interview.id }, as(plain))).status).toBe(403);
    const view = (await call(api.url, transport, routes.get, { id: interview.id }, as(recruiter))).data as Interview;
    expect(view.interviewers.find((i) => i.userId === manager.user.id)?.recommendation).toBe("yes");
  });

  it("refuses a recording up front, naming TRANSCRIPTION_BASE_URL, when no transcription provider is configured", async () => {
    const interview = (await schedule({})).data as Interview;
    const r = await call(api.url, transport, routes.attachRecording, { id: interview.id, documentId: unknown }, as(recruiter));
    expect(r.status).toBe(400);
    expect(r.error?.message).toMatch(/TRANSCRIPTION_BASE_URL/);
    const [row] = await api.svc.db.select().from(schema.interviews).where(eq(schema.interviews.id, interview.id));
    expect(row?.recordingDocumentId).toBeNull();
  });
});

describe("interviews on the event stream", () => {
  it("tells the candidate and the employer's account of each change after it commits; feedback stays with the employer", async () => {
    const candidate = await newCandidate(api, "iv-live-cand");
    const applicationId = await seedApplication(api, { accountId: a.account.id, postingId, candidate, status: "interview" });
    const streams = { candidate: restStream(api, candidate.token), recruiter: restStream(api, recruiter.token) };
    try {
      await subscribed(api, [candidate.user, recruiter.user]);
      const created = await call(api.url, "rest", routes.schedule, { applicationId, startsAt: inDays(2), interviewerIds: [recruiter.user.id], location: "Office" }, bearer(recruiter.token));
      const id = (created.data as Interview).id;
      await call(api.url, "rest", routes.confirm, { id }, bearer(candidate.token));
      await call(api.url, "rest", routes.submitFeedback, { id, recommendation: "yes" }, bearer(recruiter.token));
      const seen = (s: { got: Array<{ event: { type: string; status?: string } }> }) => s.got.flatMap((e) => (e.event.type === "interview.changed" ? [e.event.status] : []));
      await expect.poll(() => seen(streams.recruiter)).toEqual(["scheduled", "confirmed", "confirmed"]);
      await expect.poll(() => seen(streams.candidate)).toEqual(["scheduled", "confirmed"]);
      expect(streams.candidate.got.find((e) => e.event.type === "interview.changed")?.event).toEqual({ type: "interview.changed", interviewId: id, applicationId, accountId: a.account.id, status: "scheduled" });
    } finally {
      for (const s of Object.values(streams)) s.close();
    }
  });
});
