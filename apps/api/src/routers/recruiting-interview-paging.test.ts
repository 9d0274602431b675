import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { newTenant, newUser, type TestUser } from "./tenancy.test-helpers.js";
import { giveRecruitingRole, newCandidate, seedApplication, seedPosting } from "./interview.test-helpers.js";

// The interview lists page with a cursor: an interviewer, a candidate and an application with more
// interviews than a page walk every page (none twice, none missing, in (startsAt, id) order), another
// tenant's interviews never show, and a garbled or forged cursor is a 400 naming `cursor`.

const routes = {
  list: { method: "GET", rest: "/api/recruiting/interviews/", trpc: "recruiting.interviews.list", kind: "query" },
  mine: { method: "GET", rest: "/api/recruiting/interviews/mine/", trpc: "recruiting.interviews.mine", kind: "query" },
  candidate: { method: "GET", rest: "/api/recruiting/interviews/candidate/", trpc: "recruiting.interviews.candidate", kind: "query" },
} as const;
type Route = (typeof routes)[keyof typeof routes];
type Page = { items: Array<{ id: string; startsAt: string }>; nextCursor: string | null };
type Seeded = { id: string; startsAt: Date; status: string; durationMinutes: number };

const LIMIT = 7;
const DAY = 86_400_000;

let api: TestApi;
let manager: TestUser;
let candidate: Awaited<ReturnType<typeof newCandidate>>;
let applicationId: string;
/** Tenant A's interviews of the candidate's application, every one with the manager on the panel. */
const ours: Seeded[] = [];
/** Of the candidate's second application at A. */
const second: Seeded[] = [];
/** Tenant B's, including one whose panel names A's manager (who is no member of B). */
const foreign: string[] = [];

async function seed(accountId: string, application: string, interviewerId: string, startsAt: Date, status: "scheduled" | "confirmed" | "cancelled" | "completed" = "scheduled"): Promise<Seeded> {
  const [row] = await api.svc.db.insert(schema.interviews).values({ accountId, applicationId: application, startsAt, durationMinutes: 30, status, meetingUrl: "https://meet.example.test/paging" }).returning();
  if (!row) throw new Error("no interview");
  await api.svc.db.insert(schema.interviewInterviewers).values({ interviewId: row.id, userId: interviewerId, accountId });
  return { id: row.id, startsAt: row.startsAt, status: row.status, durationMinutes: row.durationMinutes };
}

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  const a = await newTenant(api, "pg-a");
  const b = await newTenant(api, "pg-b");
  manager = await newUser(api, "pg-manager");
  await api.svc.db.insert(schema.accountMembers).values({ accountId: a.account.id, userId: manager.user.id, role: "member" });
  await giveRecruitingRole(api, a.account.id, manager.user.id, "hiring_manager");
  candidate = await newCandidate(api, "pg-cand");
  applicationId = await seedApplication(api, { accountId: a.account.id, postingId: await seedPosting(api, a.account.id, "Paging Engineer"), candidate, status: "interview" });

  const now = Date.now();
  // 17 upcoming (three share one start, so the id breaks ties across a page edge), 5 past, 4 cancelled.
  const shared = new Date(now + 5 * DAY);
  for (let i = 0; i < 14; i++) ours.push(await seed(a.account.id, applicationId, manager.user.id, new Date(now + (i + 1) * DAY + i * 60_000)));
  for (let i = 0; i < 3; i++) ours.push(await seed(a.account.id, applicationId, manager.user.id, shared, i === 0 ? "confirmed" : "scheduled"));
  for (let i = 0; i < 5; i++) ours.push(await seed(a.account.id, applicationId, manager.user.id, new Date(now - (i + 1) * DAY), "completed"));
  for (let i = 0; i < 4; i++) ours.push(await seed(a.account.id, applicationId, manager.user.id, new Date(now + (i + 2) * DAY), "cancelled"));

  const secondApplication = await seedApplication(api, { accountId: a.account.id, postingId: await seedPosting(api, a.account.id, "Second Role"), candidate, status: "interview" });
  second.push(await seed(a.account.id, secondApplication, manager.user.id, new Date(now + 3 * DAY)), await seed(a.account.id, secondApplication, manager.user.id, new Date(now - 3 * DAY), "completed"));

  // Tenant B: another candidate's interviews, one of them naming A's manager on its panel by a bad row.
  const other = await newCandidate(api, "pg-other");
  const bApplication = await seedApplication(api, { accountId: b.account.id, postingId: await seedPosting(api, b.account.id, "Foreign Role"), candidate: other, status: "interview" });
  for (let i = 0; i < 3; i++) foreign.push((await seed(b.account.id, bApplication, b.owner.user.id, new Date(now + (i + 1) * DAY))).id);
  foreign.push((await seed(b.account.id, bApplication, manager.user.id, new Date(now + 2 * DAY))).id);
}, 60_000);
afterAll(async () => {
  await api.close();
});

const byStart = (x: Seeded, y: Seeded) => x.startsAt.getTime() - y.startsAt.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
const upcoming = (i: Seeded) => (i.status === "scheduled" || i.status === "confirmed") && i.startsAt.getTime() + i.durationMinutes * 60_000 > Date.now();
const ids = (rows: Seeded[]) => rows.map((r) => r.id);

describe.each<Transport>(["rest", "trpc"])("interview lists page over %s", (transport) => {
  /** Follows nextCursor to the end, each page at most LIMIT long; the ids in the order they came. */
  async function walk(route: Route, u: TestUser, input: Record<string, unknown>): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const res = await call(api.url, transport, route, { ...input, limit: LIMIT, ...(cursor ? { cursor } : {}) }, bearer(u.token));
      expect(res.status, JSON.stringify(res.error)).toBe(200);
      const page = res.data as Page;
      expect(page.items.length).toBeLessThanOrEqual(LIMIT);
      seen.push(...page.items.map((i) => i.id));
      if (!page.nextCursor) return seen;
      cursor = page.nextCursor;
    }
    throw new Error("more than 20 pages");
  }

  it("walks My interviews: every upcoming interview of the manager's tenant once, soonest first, none of tenant B's", async () => {
    const seen = await walk(routes.mine, manager, {});
    expect(seen).toEqual(ids([...ours, ...second].filter(upcoming).sort(byStart)));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => foreign.includes(id))).toEqual([]);
  });

  it("walks the candidate's upcoming interviews soonest first and the past ones newest first; together they are all of them", async () => {
    const next = await walk(routes.candidate, candidate, { when: "upcoming" });
    const past = await walk(routes.candidate, candidate, { when: "past" });
    const all = await walk(routes.candidate, candidate, {});
    const theirs = [...ours, ...second];
    expect(next).toEqual(ids(theirs.filter(upcoming).sort(byStart)));
    expect(past).toEqual(ids(theirs.filter((i) => !upcoming(i)).sort(byStart).reverse()));
    expect(all).toEqual(ids([...theirs].sort(byStart)));
    expect(new Set([...next, ...past])).toEqual(new Set(all));
    expect(all.filter((id) => foreign.includes(id))).toEqual([]);
  });

  it("walks one application's interviews for its candidate (the application page); another candidate's application is a 404", async () => {
    expect(await walk(routes.candidate, candidate, { applicationId })).toEqual(ids([...ours].sort(byStart)));
    // Someone else's application is unknown to them, as any id that isn't theirs.
    const stranger = await newCandidate(api, `pg-stranger-${transport}`);
    expect((await call(api.url, transport, routes.candidate, { applicationId }, bearer(stranger.token))).status).toBe(404);
  });

  it("walks an application's interviews for the employer, soonest first", async () => {
    expect(await walk(routes.list, manager, { applicationId })).toEqual(ids([...ours].sort(byStart)));
  });

  it("refuses a garbled cursor, another tenant's interview and an unknown id as the cursor with a 400 naming cursor", async () => {
    const cursors = ["not-a-cursor", foreign[0], "00000000-0000-4000-8000-000000000000"];
    const asks: Array<[Route, TestUser, Record<string, unknown>]> = [
      [routes.mine, manager, {}],
      [routes.candidate, candidate, {}],
      [routes.candidate, candidate, { when: "past" }],
      [routes.candidate, candidate, { applicationId }],
      [routes.list, manager, { applicationId }],
    ];
    for (const [route, u, input] of asks) {
      for (const cursor of cursors) {
        const res = await call(api.url, transport, route, { ...input, cursor }, bearer(u.token));
        expect(res.status, `${route.trpc} ${cursor}`).toBe(400);
        expect(Object.keys(res.error?.fieldErrors ?? {})).toEqual(["cursor"]);
      }
    }
    // One list's cursor is no cursor of another: the manager's own interview is not the candidate's list.
    const [someone] = ours;
    const [elsewhere] = second;
    const otherApplication = await call(api.url, transport, routes.candidate, { applicationId, cursor: elsewhere?.id }, bearer(candidate.token));
    expect(otherApplication.status).toBe(400);
    const stranger = await call(api.url, transport, routes.candidate, { cursor: someone?.id }, bearer(manager.token));
    expect(stranger.status).toBe(400);
  });

  it("bounds the page size and the direction", async () => {
    const big = await call(api.url, transport, routes.mine, { limit: 1000 }, bearer(manager.token));
    expect(big.status).toBe(400);
    expect(Object.keys(big.error?.fieldErrors ?? {})).toEqual(["limit"]);
    const when = await call(api.url, transport, routes.candidate, { when: "soon" }, bearer(candidate.token));
    expect(Object.keys(when.error?.fieldErrors ?? {})).toEqual(["when"]);
    const back = await call(api.url, transport, routes.candidate, { direction: "backward" }, bearer(candidate.token));
    expect(Object.keys(back.error?.fieldErrors ?? {})).toEqual(["direction"]);
  });
});

it("documents the paging inputs as query parameters of the three lists in the OpenAPI document", async () => {
  const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as { paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string }> } }> };
  const query = (path: string) => (doc.paths[path]?.get?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
  expect(query("/recruiting/interviews")).toEqual(expect.arrayContaining(["applicationId", "limit", "cursor"]));
  expect(query("/recruiting/interviews/mine")).toEqual(expect.arrayContaining(["limit", "cursor", "accountId"]));
  expect(query("/recruiting/interviews/candidate")).toEqual(expect.arrayContaining(["limit", "cursor", "when", "applicationId"]));
});
