import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import type { TRecruitingRole } from "@atrium/core";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

// Job postings over both transports: who may write and read, field errors, other employers'
// ids, and the public board (no sign-in, published postings only, hostile input answered 400).

const routes = {
  list: { method: "GET", rest: "/api/recruiting/postings/", trpc: "recruiting.postings.list", kind: "query" },
  get: { method: "GET", rest: "/api/recruiting/postings/{id}/", trpc: "recruiting.postings.get", kind: "query" },
  create: { method: "POST", rest: "/api/recruiting/postings/", trpc: "recruiting.postings.create", kind: "mutation" },
  update: { method: "PATCH", rest: "/api/recruiting/postings/{id}/", trpc: "recruiting.postings.update", kind: "mutation" },
  publish: { method: "POST", rest: "/api/recruiting/postings/{id}/publish/", trpc: "recruiting.postings.publish", kind: "mutation" },
  close: { method: "POST", rest: "/api/recruiting/postings/{id}/close/", trpc: "recruiting.postings.close", kind: "mutation" },
  search: { method: "GET", rest: "/api/public/postings/", trpc: "recruiting.board.search", kind: "query" },
  board: { method: "GET", rest: "/api/public/{accountSlug}/postings/", trpc: "recruiting.board.list", kind: "query" },
  boardGet: { method: "GET", rest: "/api/public/{accountSlug}/postings/{postingId}/", trpc: "recruiting.board.get", kind: "query" },
} as const;

type Posting = { id: string; status: string; title: string; accountId: string; jobDescriptionDocumentId: string | null; requiredSkills: string[] };
type Page<T> = { items: T[]; nextCursor: string | null };

let api: TestApi;
let acme: { id: string; slug: string };
let other: { id: string; slug: string };
const people: Record<"owner" | "recruiter" | "manager" | "member" | "stranger", TestUser> = {} as never;

async function join(accountId: string, user: TestUser, recruitingRole: TRecruitingRole | null) {
  await api.svc.db.insert(schema.accountMembers).values({ accountId, userId: user.user.id, role: "member", recruitingRole });
}

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  people.owner = await newUser(api, "post-owner");
  people.stranger = await newUser(api, "post-stranger");
  acme = await people.owner.call.accounts.create({ name: "Posting Acme" });
  other = await people.stranger.call.accounts.create({ name: "Posting Other" });
  for (const [name, role] of [["recruiter", "recruiter"], ["manager", "hiring_manager"], ["member", null]] as const) {
    people[name] = await newUser(api, `post-${name}`);
    await join(acme.id, people[name], role);
  }
});
afterAll(async () => {
  await api.close();
});

describe.each<Transport>(["rest", "trpc"])("job postings over %s", (transport) => {
  const as = (who: keyof typeof people) => bearer(people[who].token);

  it("a recruiter drafts, publishes, edits and closes a posting; the list filters by status and words", async () => {
    const created = await call(api.url, transport, routes.create, { accountId: acme.id, title: `Night nurse ${transport}`, description: "Care at night.", requiredSkills: ["Triage", " triage "] }, as("recruiter"));
    expect(created.status).toBe(200);
    const draft = created.data as Posting;
    expect(draft).toMatchObject({ status: "draft", accountId: acme.id, requiredSkills: ["Triage"], jobDescriptionDocumentId: null });

    const published = await call(api.url, transport, routes.publish, { id: draft.id }, as("recruiter"));
    expect(published.data).toMatchObject({ status: "published" });
    expect((published.data as Posting).jobDescriptionDocumentId).not.toBeNull();

    const edited = await call(api.url, transport, routes.update, { id: draft.id, location: "Lyon", remote: true }, as("recruiter"));
    expect(edited.data).toMatchObject({ location: "Lyon", remote: true, status: "published" });

    const listed = await call(api.url, transport, routes.list, { accountId: acme.id, status: "published", q: `nurse ${transport}` }, as("manager"));
    expect((listed.data as Page<Posting>).items.map((p) => p.id)).toEqual([draft.id]);

    const closed = await call(api.url, transport, routes.close, { id: draft.id }, as("owner"));
    expect(closed.data).toMatchObject({ status: "closed" });
    const drafts = await call(api.url, transport, routes.list, { accountId: acme.id, status: "published" }, as("recruiter"));
    expect((drafts.data as Page<Posting>).items.map((p) => p.id)).not.toContain(draft.id);
  });

  it("answers field errors for bad input, and refuses unknown keys", async () => {
    const bad = await call(api.url, transport, routes.create, { accountId: acme.id, title: " ", description: "x", salaryMin: 90000, salaryMax: 10000, salaryCurrency: "dollars" }, as("recruiter"));
    expect(bad.status).toBe(400);
    expect(bad.error?.fieldErrors).toMatchObject({ title: ["Give the posting a title"], salaryMax: ["The maximum salary can't be below the minimum"], salaryCurrency: [expect.stringContaining("3-letter")] });
    const tooMany = await call(api.url, transport, routes.create, { accountId: acme.id, title: "t", description: "d", requiredSkills: Array.from({ length: 31 }, (_, i) => `skill ${i}`) }, as("recruiter"));
    expect(tooMany.status).toBe(400);
    expect(tooMany.error?.fieldErrors?.requiredSkills).toBeDefined();
    const unknownKey = await call(api.url, transport, routes.create, { accountId: acme.id, title: "t", description: "d", salary: 5 }, as("recruiter"));
    expect(unknownKey.status).toBe(400);
    const badStatus = await call(api.url, transport, routes.list, { accountId: acme.id, status: "open" }, as("recruiter"));
    expect(badStatus.status).toBe(400);
  });

  it("answers another employer's posting like an unknown one (404), a member without a recruiting role 403, a hiring manager reads only", async () => {
    const mine = (await call(api.url, transport, routes.create, { accountId: acme.id, title: "Cook", description: "Cook." }, as("recruiter"))).data as Posting;
    for (const route of [routes.get, routes.update, routes.publish, routes.close]) {
      const theirs = await call(api.url, transport, route, { id: mine.id, ...(route === routes.update ? { title: "Stolen" } : {}) }, as("stranger"));
      const unknown = await call(api.url, transport, route, { id: "00000000-0000-4000-8000-000000000000", ...(route === routes.update ? { title: "Stolen" } : {}) }, as("stranger"));
      expect([theirs.status, theirs.error?.message]).toEqual([404, unknown.error?.message]);
    }
    expect((await call(api.url, transport, routes.get, { id: mine.id }, as("member"))).status).toBe(403);
    expect((await call(api.url, transport, routes.list, { accountId: acme.id }, as("member"))).status).toBe(403);
    expect((await call(api.url, transport, routes.create, { accountId: acme.id, title: "x", description: "y" }, as("member"))).status).toBe(403);

    expect((await call(api.url, transport, routes.get, { id: mine.id }, as("manager"))).status).toBe(200);
    expect((await call(api.url, transport, routes.publish, { id: mine.id }, as("manager"))).status).toBe(403);
    expect((await call(api.url, transport, routes.update, { id: mine.id, title: "Chef" }, as("manager"))).status).toBe(403);
    expect((await call(api.url, transport, routes.get, { id: mine.id }, as("recruiter"))).data).toMatchObject({ title: "Cook", status: "draft" });
  });

  it("the public board, signed out: published postings only, unknown employer 404, a draft's id 404, hostile input 400", async () => {
    const draft = (await call(api.url, transport, routes.create, { accountId: acme.id, title: `Draft welder ${transport}`, description: "Weld." }, as("recruiter"))).data as Posting;
    const open = (await call(api.url, transport, routes.create, { accountId: acme.id, title: `Forklift driver ${transport}`, description: `Drive forklifts ${transport}warehouse.` }, as("recruiter"))).data as Posting;
    await call(api.url, transport, routes.publish, { id: open.id }, as("recruiter"));

    const board = await call(api.url, transport, routes.board, { accountSlug: acme.slug });
    expect(board.status).toBe(200);
    const ids = (board.data as Page<{ id: string }>).items.map((p) => p.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(draft.id);
    expect((board.data as Page<Record<string, unknown>>).items[0]).not.toHaveProperty("createdById");

    expect((await call(api.url, transport, routes.boardGet, { accountSlug: acme.slug, postingId: open.id })).data).toMatchObject({ id: open.id, employer: { slug: acme.slug } });
    expect((await call(api.url, transport, routes.boardGet, { accountSlug: acme.slug, postingId: draft.id })).status).toBe(404);
    expect((await call(api.url, transport, routes.boardGet, { accountSlug: other.slug, postingId: open.id })).status).toBe(404);
    expect((await call(api.url, transport, routes.board, { accountSlug: "no-such-employer" })).status).toBe(404);

    const found = await call(api.url, transport, routes.search, { q: `${transport}warehouse`, remote: "false", employmentType: "full_time" });
    expect((found.data as Page<{ id: string }>).items.map((p) => p.id)).toEqual([open.id]);
    // Search syntax of any shape is words; bad filters are field errors, never a 500.
    for (const q of [`"unclosed`, "a & | ! ( ) :* <->", "'); drop table job_postings; --", "%_\\"]) {
      expect((await call(api.url, transport, routes.search, { q })).status).toBe(200);
    }
    for (const bad of [{ remote: "maybe" }, { employmentType: "forever" }, { limit: "1000" }, { cursor: "not-a-cursor" }, { q: "x".repeat(500) }]) {
      const r = await call(api.url, transport, routes.search, bad);
      expect([r.status, Object.keys(r.error?.fieldErrors ?? {})]).toEqual([400, Object.keys(bad)]);
    }
    expect((await call(api.url, transport, routes.board, { accountSlug: "../../etc" })).status).toBe(400);
  });
});
