import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { candidate, employer, posting, resume } from "./application.test-helpers.js";
import { rest } from "./tenancy.test-helpers.js";

// Issue 15 attacked through the api (REST, as a script would): other people's résumés, applications,
// interviews and documents; another employer's things; oversized, nested and unknown input; the
// public board's odd slugs and searches. Each answer is the documented one, never a 500.

type Employer = Awaited<ReturnType<typeof employer>>;
type Candidate = Awaited<ReturnType<typeof candidate>>;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const unknownId = "00000000-0000-4000-8000-000000000000";

let api: TestApi;
let a: Employer;
let b: Employer;
let ann: Candidate;
let bob: Candidate;
let aPosting: { id: string };
let bPosting: { id: string };
let annApp: string;
let bobApp: string;
let bobAtB: string;
let annInterview: string;
let bInterview: string;

const as = (u: { token: string }) => u.token;
const fieldsOf = (r: { body: { data?: { fieldErrors?: Record<string, string[]> | null } } }) => r.body.data?.fieldErrors ?? {};

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  a = await employer(api, "ha");
  b = await employer(api, "hb");
  ann = await candidate(api, "h-ann");
  bob = await candidate(api, "h-bob");
  aPosting = await posting(api, a.account.id, "A Engineer");
  bPosting = await posting(api, b.account.id, "B Engineer");
  const apply = async (c: Candidate, postingId: string) => {
    const r = await rest(api, as(c), "POST", "/recruiting/applications/", { postingId, resumeDocumentId: c.resumeId });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return String(r.body.id);
  };
  annApp = await apply(ann, aPosting.id);
  bobApp = await apply(bob, aPosting.id);
  bobAtB = await apply(bob, bPosting.id);
  const schedule = async (e: Employer, applicationId: string) => {
    const r = await rest(api, as(e.recruiter), "POST", "/recruiting/interviews/", { applicationId, startsAt: inDays(2), interviewerIds: [e.manager.user.id], meetingUrl: "https://meet.example.test/x" });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return String(r.body.id);
  };
  annInterview = await schedule(a, annApp);
  bInterview = await schedule(b, bobAtB);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe("a candidate with someone else's things", () => {
  it("can't apply with another candidate's résumé, a non-résumé, or one whose text isn't read yet", async () => {
    const p = await posting(api, a.account.id, "Hostile apply");
    const apply = (resumeDocumentId: string) => rest(api, as(ann), "POST", "/recruiting/applications/", { postingId: p.id, resumeDocumentId });
    const theirs = await apply(bob.resumeId);
    const none = await apply(unknownId);
    expect([theirs.status, none.status]).toEqual([404, 404]);
    expect(theirs.body.message).toBe(none.body.message);
    // The employer's copy of Bob's résumé is no more Ann's than the original.
    const [copy] = await api.svc.db.select().from(schema.applications).where(eq(schema.applications.id, bobApp));
    expect((await apply(String(copy?.resumeDocumentId))).status).toBe(404);
    const notes = await resume(api, ann, ann.home.id, "shopping list", "other");
    expect(fieldsOf(await apply(notes)).resumeDocumentId?.[0]).toMatch(/not marked as a résumé/);
    const unread = await resume(api, ann, ann.home.id, "fresh résumé");
    await api.svc.db.update(schema.documents).set({ extractionStatus: "pending", extractedText: null }).where(eq(schema.documents.id, unread));
    const pending = await apply(unread);
    expect(pending.status).toBe(400);
    expect(fieldsOf(pending).resumeDocumentId?.[0]).toMatch(/still being read/);
    // Nothing landed.
    expect(await api.svc.db.select().from(schema.applications).where(eq(schema.applications.postingId, p.id))).toEqual([]);
  });

  it("can't apply to a published posting of a deleted employer (it is off the board: unknown like any other id)", async () => {
    const gone = await employer(api, "h-gone");
    const p = await posting(api, gone.account.id, "Ghost role");
    await api.svc.db.update(schema.accounts).set({ deletedAt: new Date() }).where(eq(schema.accounts.id, gone.account.id));
    const r = await rest(api, as(ann), "POST", "/recruiting/applications/", { postingId: p.id, resumeDocumentId: ann.resumeId });
    expect([r.status, r.body.message]).toEqual([404, "Posting not found"]);
    expect(await api.svc.db.select().from(schema.applications).where(eq(schema.applications.postingId, p.id))).toEqual([]);
  });

  it("can't read, withdraw, message about or confirm another candidate's application or interview", async () => {
    const same = async (path: string, method: "GET" | "POST" = "GET", body?: Record<string, unknown>) => {
      const theirs = await rest(api, as(bob), method, path.replace(":id", annApp).replace(":iv", annInterview), body);
      const none = await rest(api, as(bob), method, path.replace(":id", unknownId).replace(":iv", unknownId), body);
      expect([path, theirs.status], JSON.stringify(theirs.body)).toEqual([path, none.status]);
      expect(theirs.status).toBe(404);
    };
    await same("/recruiting/my-applications/:id/");
    await same("/recruiting/my-applications/:id/withdraw/", "POST");
    await same("/recruiting/applications/:id/");
    await same("/recruiting/applications/:id/move/", "POST", { to: "screening" });
    await same("/recruiting/applications/:id/messages/");
    await same("/recruiting/applications/:id/messages/", "POST", { content: "hello, it's Bob" });
    await same("/recruiting/applications/:id/conversation/", "POST");
    await same("/recruiting/applications/:id/messages/read/", "POST");
    await same("/recruiting/interviews/:iv/confirm/", "POST");
    await same("/recruiting/interviews/:iv/");
    // Ann's application is untouched.
    const [row] = await api.svc.db.select().from(schema.applications).where(eq(schema.applications.id, annApp));
    expect(row?.status).toBe("applied");
    const [iv] = await api.svc.db.select().from(schema.interviews).where(eq(schema.interviews.id, annInterview));
    expect(iv?.status).toBe("scheduled");
  });

  it("can't confirm an interview that has already started", async () => {
    const [iv] = await api.svc.db
      .insert(schema.interviews)
      .values({ accountId: a.account.id, applicationId: annApp, startsAt: new Date(Date.now() - 3_600_000), meetingUrl: "https://meet.example.test/past" })
      .returning();
    const late = await rest(api, as(ann), "POST", `/recruiting/interviews/${iv?.id}/confirm/`);
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/already started/);
  });
});

describe("a recruiter of employer A with employer B's things", () => {
  it("gets B's postings, applications, interviews and reports answered like unknown ids, and changes nothing", async () => {
    const probes: Array<[method: "GET" | "POST" | "PATCH" | "PUT", path: string, body?: Record<string, unknown>]> = [
      ["GET", "/recruiting/postings/:posting/"],
      ["PATCH", "/recruiting/postings/:posting/", { title: "Hijacked" }],
      ["POST", "/recruiting/postings/:posting/publish/"],
      ["POST", "/recruiting/postings/:posting/close/"],
      ["GET", "/recruiting/applications/", { postingId: ":posting" }],
      ["GET", "/recruiting/applications/:app/"],
      ["POST", "/recruiting/applications/:app/move/", { to: "screening" }],
      ["POST", "/recruiting/applications/:app/rematch/"],
      ["GET", "/recruiting/applications/:app/messages/"],
      ["POST", "/recruiting/applications/:app/messages/", { content: "poaching" }],
      ["GET", "/recruiting/interviews/", { applicationId: ":app" }],
      ["GET", "/recruiting/interviews/interviewers/", { applicationId: ":app" }],
      ["POST", "/recruiting/interviews/", { applicationId: ":app", startsAt: inDays(3), interviewerIds: [a.recruiter.user.id], meetingUrl: "https://meet.example.test/y" }],
      ["GET", "/recruiting/interviews/:iv/"],
      ["POST", "/recruiting/interviews/:iv/reschedule/", { startsAt: inDays(5) }],
      ["POST", "/recruiting/interviews/:iv/cancel/"],
      ["GET", "/recruiting/interviews/:iv/feedback/"],
      ["PUT", "/recruiting/interviews/:iv/feedback/", { recommendation: "yes" }],
      ["POST", "/recruiting/interviews/:iv/recording/", { documentId: unknownId }],
      ["POST", "/recruiting/assistant/ask/", { applicationId: ":app", question: "Who is this?" }],
    ];
    const fill = (s: string, ids: { posting: string; app: string; iv: string }) => s.replace(":posting", ids.posting).replace(":app", ids.app).replace(":iv", ids.iv);
    const fillBody = (body: Record<string, unknown> | undefined, ids: { posting: string; app: string; iv: string }) =>
      body && Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === "string" ? fill(v, ids) : v]));
    const bIds = { posting: bPosting.id, app: bobAtB, iv: bInterview };
    const none = { posting: unknownId, app: unknownId, iv: unknownId };
    for (const [method, path, body] of probes) {
      const theirs = await rest(api, as(a.recruiter), method, fill(path, bIds), fillBody(body, bIds));
      const unknown = await rest(api, as(a.recruiter), method, fill(path, none), fillBody(body, none));
      expect([method, path, theirs.status, theirs.body.message], JSON.stringify(theirs.body)).toEqual([method, path, unknown.status, unknown.body.message]);
      expect(theirs.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
    }
    // Reports naming B's account: refused, with nothing of B's in the answer.
    for (const report of ["funnel", "time-to-hire", "sources"]) {
      const r = await rest(api, as(a.recruiter), "GET", `/recruiting/reports/${report}/`, { accountId: b.account.id });
      expect(r.status, report).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain("B Engineer");
    }
    const [p] = await api.svc.db.select().from(schema.jobPostings).where(eq(schema.jobPostings.id, bPosting.id));
    expect(p).toMatchObject({ title: "B Engineer", status: "published" });
    const [app] = await api.svc.db.select().from(schema.applications).where(eq(schema.applications.id, bobAtB));
    expect(app?.status).toBe("applied");
  });

  it("downloads only résumé copies attached to its own applications: never the candidate's original, nor B's copy", async () => {
    const [atA] = await api.svc.db.select().from(schema.applications).where(eq(schema.applications.id, bobApp));
    const [atB] = await api.svc.db.select().from(schema.applications).where(eq(schema.applications.id, bobAtB));
    const download = (id: string) => rest(api, as(a.recruiter), "GET", `/documents/${id}/download/`);
    expect((await download(String(atA?.resumeDocumentId))).status).toBe(200);
    for (const id of [bob.resumeId, String(atB?.resumeDocumentId)]) {
      const r = await download(id);
      expect(r.status).toBe(404);
      expect(r.body.message).toBe((await download(unknownId)).body.message);
    }
  });

  it("puts only the employer's own recruiting people on an interview", async () => {
    const schedule = (interviewerIds: string[]) =>
      rest(api, as(a.recruiter), "POST", "/recruiting/interviews/", { applicationId: annApp, startsAt: inDays(3), interviewerIds, meetingUrl: "https://meet.example.test/z" });
    for (const outsider of [b.recruiter.user.id, b.owner.user.id, a.plain.user.id, ann.user.id, unknownId]) {
      const r = await schedule([a.manager.user.id, outsider]);
      expect(r.status).toBe(400);
      expect(fieldsOf(r).interviewerIds?.[0]).toContain(outsider);
    }
  });
});

describe("bad input gets 400 with field messages, never a 500", () => {
  it("refuses interviews in the past, absurdly long, or absurdly far ahead", async () => {
    const schedule = (input: Record<string, unknown>) =>
      rest(api, as(a.recruiter), "POST", "/recruiting/interviews/", { applicationId: annApp, startsAt: inDays(3), interviewerIds: [a.manager.user.id], meetingUrl: "https://meet.example.test/q", ...input });
    expect(fieldsOf(await schedule({ startsAt: inDays(-1) })).startsAt).toEqual(["Pick a time in the future"]);
    expect(fieldsOf(await schedule({ durationMinutes: 100_000 })).durationMinutes?.[0]).toMatch(/At most 480 minutes/);
    expect(fieldsOf(await schedule({ durationMinutes: -5 })).durationMinutes?.[0]).toMatch(/At least 15 minutes/);
    expect(fieldsOf(await schedule({ startsAt: "9999-12-31T10:00:00Z" })).startsAt?.[0]).toMatch(/within a year/);
    expect(fieldsOf(await schedule({ startsAt: "tomorrow" })).startsAt?.[0]).toMatch(/ISO date-time/);
    expect(fieldsOf(await schedule({ meetingUrl: "javascript:alert(1)" })).meetingUrl?.[0]).toMatch(/https/);
    const moved = await rest(api, as(a.recruiter), "POST", `/recruiting/interviews/${annInterview}/reschedule/`, { startsAt: "9999-12-31T10:00:00Z" });
    expect(fieldsOf(moved).startsAt?.[0]).toMatch(/within a year/);
  });

  it("bounds posting text, salary and shape: huge, negative, reversed, nested, unknown keys", async () => {
    const create = (input: Record<string, unknown>) => rest(api, as(a.recruiter), "POST", "/recruiting/postings/", { accountId: a.account.id, title: "Nurse", description: "Night shifts", ...input });
    const huge = await create({ description: "x".repeat(20_001) });
    expect([huge.status, fieldsOf(huge).description]).toEqual([400, ["At most 20000 characters"]]);
    expect(fieldsOf(await create({ salaryMin: 90_000, salaryMax: 50_000 })).salaryMax).toEqual(["The maximum salary can't be below the minimum"]);
    expect(fieldsOf(await create({ salaryMin: -1 })).salaryMin).toEqual(["Salary can't be negative"]);
    expect(fieldsOf(await create({ salaryMax: 1e12 })).salaryMax?.[0]).toMatch(/at most/);
    expect(fieldsOf(await create({ description: { nested: { deeper: ["x"] } } })).description).toEqual(["Describe the role"]);
    expect(fieldsOf(await create({ requiredSkills: [["nested"]] }))["requiredSkills.0"]).toEqual(["A skill must be text"]);
    expect(fieldsOf(await create({ isAdmin: true })).isAdmin).toEqual(["Unknown field"]);
    // An edit that reverses the stored range is refused too.
    const made = await create({ salaryMin: 40_000, salaryMax: 50_000 });
    expect(made.status).toBe(200);
    const edit = await rest(api, as(a.recruiter), "PATCH", `/recruiting/postings/${String(made.body.id)}/`, { salaryMin: 60_000 });
    expect([edit.status, fieldsOf(edit).salaryMin?.[0] ?? fieldsOf(edit).salaryMax?.[0]]).toEqual([400, expect.stringMatching(/salary/i)]);
    // A deeply nested body is refused as input, not by a crash.
    const deep = await fetch(`${api.url}/api/recruiting/postings/`, {
      method: "POST",
      headers: { authorization: `Bearer ${a.recruiter.token}`, "content-type": "application/json" },
      body: `{"title":"Deep","description":${"[".repeat(50_000)}${"]".repeat(50_000)}}`,
    });
    expect(deep.status).toBeGreaterThanOrEqual(400);
    expect(deep.status).toBeLessThan(500);
  });

  it("bounds the cover letter and refuses unknown keys when applying", async () => {
    const p = await posting(api, a.account.id, "Cover letters");
    const apply = (input: Record<string, unknown>) => rest(api, as(ann), "POST", "/recruiting/applications/", { postingId: p.id, resumeDocumentId: ann.resumeId, ...input });
    expect(fieldsOf(await apply({ coverLetter: "x".repeat(5001) })).coverLetter).toEqual(["Keep the cover letter under 5000 characters"]);
    expect(fieldsOf(await apply({ coverLetter: { html: "<b>hi</b>" } })).coverLetter?.[0]).toBeDefined();
    expect(fieldsOf(await apply({ status: "hired" })).status).toEqual(["Unknown field"]);
  });
});

describe("text with a NUL character (Postgres can't store one)", () => {
  it("is a 400 naming the field, on writes and searches of every kind, over REST and tRPC", async () => {
    const nul = "a\u0000b";
    const p = await posting(api, a.account.id, "NUL apply");
    const cases: Array<[token: string | null, method: "GET" | "POST" | "PATCH", path: string, input: Record<string, unknown>, field: string]> = [
      [as(a.recruiter), "POST", "/recruiting/postings/", { accountId: a.account.id, title: nul, description: "d" }, "title"],
      [as(a.recruiter), "POST", "/recruiting/postings/", { accountId: a.account.id, title: "t", description: "d", requiredSkills: ["ok", nul] }, "requiredSkills.1"],
      [as(a.recruiter), "GET", "/recruiting/postings/", { accountId: a.account.id, q: nul }, "q"],
      [as(ann), "POST", "/recruiting/applications/", { postingId: p.id, resumeDocumentId: ann.resumeId, coverLetter: nul }, "coverLetter"],
      [as(ann), "POST", `/recruiting/applications/${annApp}/messages/`, { content: nul }, "content"],
      [as(ann), "PATCH", "/recruiting/profile/", { headline: nul }, "headline"],
      [null, "GET", "/public/postings/", { q: nul }, "q"],
      [null, "GET", "/public/postings/", { location: nul }, "location"],
    ];
    for (const [token, method, path, input, field] of cases) {
      const r = await rest(api, token, method, path, input);
      expect([path, r.status, fieldsOf(r)[field]]).toEqual([path, 400, ["Text can't contain NUL (\\u0000) characters"]]);
    }
    const trpc = await fetch(`${api.url}/trpc/recruiting.postings.create`, {
      method: "POST",
      headers: { authorization: `Bearer ${a.recruiter.token}`, "content-type": "application/json" },
      body: JSON.stringify({ accountId: a.account.id, title: "t", description: nul }),
    });
    expect(trpc.status).toBe(400);
    expect(((await trpc.json()) as { error: { data: { fieldErrors: Record<string, string[]> } } }).error.data.fieldErrors.description).toHaveLength(1);
  });
});

describe("the public board", () => {
  it("answers unknown, malformed and non-employer slugs and unpublished postings like missing ones", async () => {
    const anon = (path: string, q?: Record<string, unknown>) => rest(api, null, "GET", path, q);
    const unknownSlug = await anon("/public/no-such-employer/postings/");
    expect(unknownSlug.status).toBe(404);
    // A candidate's personal account is not an employer: its slug tells nothing more than an unknown one.
    const [home] = await api.svc.db.select().from(schema.accounts).where(eq(schema.accounts.id, ann.home.id));
    const personal = await anon(`/public/${home?.slug}/postings/`);
    expect([personal.status, personal.body.message]).toEqual([404, unknownSlug.body.message]);
    expect((await anon("/public/..%2F..%2Fadmin/postings/")).status).toBe(400);
    const [aAccount] = await api.svc.db.select().from(schema.accounts).where(eq(schema.accounts.id, a.account.id));
    const draft = await posting(api, a.account.id, "Draft role", "draft");
    const closed = await posting(api, a.account.id, "Closed role", "closed");
    const missing = await anon(`/public/${aAccount?.slug}/postings/${unknownId}/`);
    for (const id of [draft.id, closed.id, bPosting.id]) {
      const r = await anon(`/public/${aAccount?.slug}/postings/${id}/`);
      expect([r.status, r.body.message]).toEqual([404, missing.body.message]);
    }
    expect((await anon(`/public/${aAccount?.slug}/postings/${aPosting.id}/`)).status).toBe(200);
  });

  it("takes any text in ?q= (tsquery operators too) without a 500, and bounds its size", async () => {
    for (const q of ["a & b", "!!!", "(engineer", "eng:*", "'", "\"unbalanced", "a | | b", "<->", "\\", "-", "or or or", "%_", "\u0000"]) {
      const r = await rest(api, null, "GET", "/public/postings/", { q });
      expect([q, r.status < 500 ? "ok" : JSON.stringify(r.body)]).toEqual([q, "ok"]);
    }
    expect((await rest(api, null, "GET", "/public/postings/", { q: "engineer" })).status).toBe(200);
    const long = await rest(api, null, "GET", "/public/postings/", { q: "x".repeat(201) });
    expect([long.status, fieldsOf(long).q]).toEqual([400, ["Search at most 200 characters"]]);
    const enormous = await fetch(`${api.url}/api/public/postings/?q=${"x".repeat(100_000)}`);
    expect(enormous.status).toBeGreaterThanOrEqual(400);
    expect(enormous.status).toBeLessThan(500);
  });
});

describe("anonymous callers", () => {
  it("get 401 from every HR and candidate route, and the public board answers them", async () => {
    const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const recruiting = Object.entries(doc.paths).filter(([path]) => path.startsWith("/recruiting/"));
    expect(recruiting.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const [path, ops] of recruiting) {
      for (const method of Object.keys(ops)) {
        const res = await fetch(`${api.url}/api${path.replace(/\{[^}]+\}/g, unknownId)}`, { method: method.toUpperCase(), headers: { "content-type": "application/json" }, body: method === "get" ? undefined : "{}" });
        if (res.status !== 401) problems.push(`${method.toUpperCase()} ${path}: ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("junk in every field of every recruiting route", () => {
  it("is never a 500, from a recruiter or a candidate", async () => {
    type Op = { parameters?: Array<{ name: string; in: string }>; requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } };
    const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, Op>> };
    const junk: unknown[] = ["", "x".repeat(200_000), -1e308, 1.5, true, null, [], [[["deep"]]], { $ne: 1 }, "' OR 1=1 --", "9999-99-99T99:99:99Z", "not-a-uuid"];
    const problems: string[] = [];
    let calls = 0;
    for (const [path, ops] of Object.entries(doc.paths).filter(([p]) => /^\/(recruiting|public)\//.test(p) && !p.endsWith(".csv"))) {
      for (const [method, op] of Object.entries(ops)) {
        const fields = [
          ...(op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
          ...Object.keys(op.requestBody?.content?.["application/json"]?.schema?.properties ?? {}),
        ];
        for (const value of junk) {
          for (const field of fields) {
            for (const token of [as(a.recruiter), as(ann)]) {
              const url = `${api.url}/api${path.replace(/\{[^}]+\}/g, typeof value === "string" && value.length < 50 && value ? encodeURIComponent(value) : unknownId)}`;
              const init: RequestInit = { method: method.toUpperCase(), headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
              const res =
                method === "get"
                  ? await fetch(`${url}?${new URLSearchParams({ [field]: typeof value === "string" ? value.slice(0, 4000) : JSON.stringify(value) }).toString()}`, init)
                  : await fetch(url, { ...init, body: JSON.stringify({ [field]: value }) });
              calls += 1;
              if (res.status >= 500) problems.push(`${method.toUpperCase()} ${path} ${field}=${JSON.stringify(value).slice(0, 40)}: ${res.status} ${(await res.text()).slice(0, 200)}`);
              else await res.arrayBuffer();
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(1000);
  }, 180_000);
});
