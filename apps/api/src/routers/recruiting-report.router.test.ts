import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { newTenant, newUser, type TestUser } from "./tenancy.test-helpers.js";
import { giveRecruitingRole, newCandidate, seedApplication, seedPosting } from "./interview.test-helpers.js";

// Recruiting reports on seeded pipelines whose numbers are worked out by hand below: the funnel counts
// the furthest stage each application reached, time to hire runs from applying to hired, sources count
// applications and hires. Another employer's rows never count; a range narrows by the day applied.

const routes = {
  funnel: { method: "GET", rest: "/api/recruiting/reports/funnel/", trpc: "recruiting.reports.funnel", kind: "query" },
  timeToHire: { method: "GET", rest: "/api/recruiting/reports/time-to-hire/", trpc: "recruiting.reports.timeToHire", kind: "query" },
  sources: { method: "GET", rest: "/api/recruiting/reports/sources/", trpc: "recruiting.reports.sources", kind: "query" },
} as const;

const day = (iso: string, plusDays = 0) => new Date(new Date(`${iso}T09:00:00Z`).getTime() + plusDays * 86_400_000);

let api: TestApi;
let a: Awaited<ReturnType<typeof newTenant>>;
let b: Awaited<ReturnType<typeof newTenant>>;
let recruiter: TestUser;
let backend: string;
let designer: string;

type Stage = "applied" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
async function apply(accountId: string, postingId: string, who: string, p: { status: Stage; source: "job_board" | "direct_link" | "referral" | "other"; appliedAt: Date; hiredAt?: Date; moves?: Array<[Stage, number]> }) {
  const candidate = await newCandidate(api, who);
  const id = await seedApplication(api, { accountId, postingId, candidate, status: p.status, source: p.source, appliedAt: p.appliedAt, hiredAt: p.hiredAt ?? null });
  let from: Stage = "applied";
  for (const [to, afterDays] of p.moves ?? []) {
    await api.svc.db.insert(schema.applicationStageChanges).values({ accountId, applicationId: id, fromStatus: from, toStatus: to, at: new Date(p.appliedAt.getTime() + afterDays * 86_400_000) });
    from = to;
  }
}

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  a = await newTenant(api, "rep-a");
  b = await newTenant(api, "rep-b");
  recruiter = await newUser(api, "rep-recruiter");
  await api.svc.db.insert(schema.accountMembers).values({ accountId: a.account.id, userId: recruiter.user.id, role: "member" });
  await giveRecruitingRole(api, a.account.id, recruiter.user.id, "recruiter");
  backend = await seedPosting(api, a.account.id, "Backend Engineer");
  designer = await seedPosting(api, a.account.id, "Designer");
  // Backend: hired in 10 days; rejected after interviewing; moved straight to offer; just applied; hired in 35 days (only its move says when).
  await apply(a.account.id, backend, "rep-c1", { status: "hired", source: "referral", appliedAt: day("2026-01-01"), hiredAt: day("2026-01-01", 10), moves: [["screening", 1], ["interview", 3], ["offer", 8], ["hired", 10]] });
  await apply(a.account.id, backend, "rep-c2", { status: "rejected", source: "job_board", appliedAt: day("2026-01-05"), moves: [["screening", 1], ["interview", 2], ["rejected", 4]] });
  await apply(a.account.id, backend, "rep-c3", { status: "offer", source: "job_board", appliedAt: day("2026-01-06"), moves: [["offer", 5]] });
  await apply(a.account.id, backend, "rep-c4", { status: "applied", source: "direct_link", appliedAt: day("2026-03-10") });
  await apply(a.account.id, backend, "rep-c7", { status: "hired", source: "job_board", appliedAt: day("2026-03-01"), moves: [["interview", 7], ["hired", 35]] });
  // Designer: hired in 20 days (no moves recorded, its status and hiredAt say so); withdrawn.
  await apply(a.account.id, designer, "rep-c5", { status: "hired", source: "referral", appliedAt: day("2026-02-01"), hiredAt: day("2026-02-01", 20) });
  await apply(a.account.id, designer, "rep-c6", { status: "withdrawn", source: "other", appliedAt: day("2026-02-15") });
  // Another employer's hire must never count.
  const theirs = await seedPosting(api, b.account.id, "Bravo Role");
  await apply(b.account.id, theirs, "rep-cb", { status: "hired", source: "referral", appliedAt: day("2026-01-02"), hiredAt: day("2026-01-02", 1) });
});
afterAll(async () => {
  await api.close();
});

describe.each<Transport>(["rest", "trpc"])("recruiting reports over %s", (transport) => {
  const get = (route: (typeof routes)[keyof typeof routes], input: Record<string, unknown> = {}, u: TestUser = recruiter) => call(api.url, transport, route, input, bearer(u.token));

  it("counts the funnel by the furthest stage reached, per posting and in total", async () => {
    const r = await get(routes.funnel);
    expect(r.status, JSON.stringify(r.error)).toBe(200);
    expect(r.data).toEqual({
      items: [
        { postingId: backend, postingTitle: "Backend Engineer", applied: 5, screening: 4, interview: 4, offer: 3, hired: 2, rejected: 1, withdrawn: 0 },
        { postingId: designer, postingTitle: "Designer", applied: 2, screening: 1, interview: 1, offer: 1, hired: 1, rejected: 0, withdrawn: 1 },
      ],
      total: { applied: 7, screening: 5, interview: 5, offer: 4, hired: 3, rejected: 1, withdrawn: 1 },
    });
  });

  it("measures time to hire in days, median and average, per posting and overall", async () => {
    const r = await get(routes.timeToHire);
    expect(r.data).toEqual({
      overall: { hires: 3, medianDays: 20, averageDays: 21.7 },
      items: [
        { postingId: backend, postingTitle: "Backend Engineer", hires: 2, medianDays: 22.5, averageDays: 22.5 },
        { postingId: designer, postingTitle: "Designer", hires: 1, medianDays: 20, averageDays: 20 },
      ],
    });
  });

  it("counts applications, hires and the hire rate per source, every source listed", async () => {
    const r = await get(routes.sources);
    expect(r.data).toEqual({
      items: [
        { source: "job_board", applications: 3, hires: 1, hireRate: 0.333 },
        { source: "direct_link", applications: 1, hires: 0, hireRate: 0 },
        { source: "referral", applications: 2, hires: 2, hireRate: 1 },
        { source: "other", applications: 1, hires: 0, hireRate: 0 },
      ],
    });
  });

  it("narrows every report to applications that arrived in the range, and says so when the range is backwards", async () => {
    const february = { from: "2026-02-01", to: "2026-02-28" };
    expect(((await get(routes.funnel, february)).data as { total: object }).total).toEqual({ applied: 2, screening: 1, interview: 1, offer: 1, hired: 1, rejected: 0, withdrawn: 1 });
    expect(((await get(routes.timeToHire, february)).data as { overall: object }).overall).toEqual({ hires: 1, medianDays: 20, averageDays: 20 });
    const empty = await get(routes.funnel, { from: "2030-01-01" });
    expect(empty.data).toEqual({ items: [], total: { applied: 0, screening: 0, interview: 0, offer: 0, hired: 0, rejected: 0, withdrawn: 0 } });
    expect(((await get(routes.timeToHire, { from: "2030-01-01" })).data as { overall: object }).overall).toEqual({ hires: 0, medianDays: null, averageDays: null });
    const backwards = await get(routes.funnel, { from: "2026-03-01", to: "2026-02-01" });
    expect(backwards.status).toBe(400);
    expect(backwards.error?.fieldErrors?.to).toEqual(["The range ends before it starts"]);
    expect((await get(routes.sources, { from: "yesterday" })).error?.fieldErrors?.from?.[0]).toMatch(/2026-12-31/);
  });

  it("is for recruiting roles and admins of the employer: a plain member is refused, another employer's account is not found", async () => {
    expect((await get(routes.funnel, {}, a.member)).status).toBe(403);
    const theirs = await get(routes.funnel, { accountId: a.account.id }, b.owner);
    const none = await get(routes.funnel, { accountId: "00000000-0000-4000-8000-000000000000" }, b.owner);
    expect([theirs.status, none.status]).toEqual([404, 404]);
    // Their own report shows only their own hire.
    expect(((await get(routes.sources, {}, b.owner)).data as { items: Array<{ hires: number }> }).items.reduce((n, i) => n + i.hires, 0)).toBe(1);
  });
});

describe("recruiting report CSV downloads", () => {
  const csv = async (path: string, u: TestUser = recruiter) => {
    const res = await fetch(`${api.url}/api/recruiting/reports/${path}`, { headers: bearer(u.token) });
    return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), rows: res.status === 200 ? (parse(await res.text(), { columns: true }) as Array<Record<string, string>>) : [] };
  };

  it("downloads each report as CSV with the same numbers, range included", async () => {
    const funnel = await csv("funnel.csv");
    expect(funnel.type).toMatch(/text\/csv/);
    expect(funnel.disposition).toMatch(/recruiting-funnel-\d{4}-\d{2}-\d{2}\.csv/);
    expect(funnel.rows.map((r) => [r.postingTitle, r.applied, r.hired])).toEqual([
      ["Backend Engineer", "5", "2"],
      ["Designer", "2", "1"],
    ]);
    const times = await csv("time-to-hire.csv");
    expect(times.rows[0]).toMatchObject({ postingTitle: "All postings", hires: "3", medianDays: "20", averageDays: "21.7" });
    const sources = await csv("sources.csv?from=2026-02-01&to=2026-02-28");
    expect(sources.rows.find((r) => r.source === "referral")).toMatchObject({ applications: "1", hires: "1", hireRate: "1" });
    expect((await csv("funnel.csv", a.member)).status).toBe(403);
    expect((await csv(`funnel.csv?accountId=${a.account.id}`, b.owner)).status).toBe(404);
  });
});
