import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { schema } from "@atrium/db";
import { hashPassword, type TAuditEvent } from "@atrium/core";
import { insertAccount, insertUser } from "@atrium/core/testing";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, routes, type CallResult, type Transport } from "../test-transports.js";

let api: TestApi;
const tokens: Record<"staff" | "alice" | "bob", string> = { staff: "", alice: "", bob: "" };
let beta: string; // alice administers it, bob is a plain member
let gamma: string; // alice is only a member here
let bobId: string;

const list = { method: "GET", rest: "/api/admin/audit-events/", trpc: "audit.list", kind: "query" } as const;
type Page = { items: TAuditEvent[]; nextCursor: string | null };

/** GET with filters: a query string over REST, the input object over tRPC. */
async function listEvents(transport: Transport, input: Record<string, unknown>, token: string): Promise<CallResult> {
  if (transport === "trpc") return call(api.url, "trpc", list, input, bearer(token));
  const qs = new URLSearchParams(Object.entries(input).map(([k, v]): [string, string] => [k, String(v)]));
  const res = await fetch(`${api.url}${list.rest}?${qs}`, { headers: bearer(token) });
  const json = (await res.json()) as Page & { message: string; code: string; data?: { fieldErrors: Record<string, string[]> | null } };
  if (res.ok) return { status: res.status, data: json };
  return { status: res.status, data: null, error: { message: json.message, code: json.code, fieldErrors: json.data?.fieldErrors ?? null } };
}

async function allPages(transport: Transport, filters: Record<string, unknown>, token: string, limit: number, between?: () => Promise<void>) {
  const seen: TAuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const r = await listEvents(transport, { ...filters, limit, ...(cursor ? { cursor } : {}) }, token);
    expect(r.status).toBe(200);
    const page = r.data as Page;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    cursor = page.nextCursor;
    await between?.();
  } while (cursor);
  return seen;
}

const exportCsv = (query: string, token?: string) => fetch(`${api.url}/api/admin/audit-events/export.csv?${query}`, { headers: token ? bearer(token) : {} });

async function user(username: string, memberships: Array<[string, "admin" | "member"]>) {
  const u = await insertUser(api.svc.db, { username, email: `${username}@example.com`, passwordHash: await hashPassword("long-enough-pass"), accountId: memberships[0]?.[0] });
  for (const [accountId, role] of memberships) await api.svc.db.insert(schema.accountMembers).values({ accountId, userId: u.id, role });
  const r = await call(api.url, "rest", routes.token, { username, password: "long-enough-pass" });
  return { id: u.id, token: (r.data as { token: string }).token };
}

const dbIds = async (where: ReturnType<typeof sql>) =>
  (await api.svc.db.select({ id: schema.auditEvents.id }).from(schema.auditEvents).where(where)).map((r) => r.id).sort();

beforeAll(async () => {
  api = await startTestApi();
  const e = schema.auditEvents;
  beta = (await insertAccount(api.svc.db, { name: "Beta", slug: "beta" })).id;
  gamma = (await insertAccount(api.svc.db, { name: "Gamma", slug: "gamma" })).id;
  tokens.staff = ((await call(api.url, "rest", routes.token, { username: "admin", password: "admin123" })).data as { token: string }).token;
  const alice = await user("alice", [[beta, "admin"], [gamma, "member"]]);
  const bob = await user("bob", [[beta, "member"]]);
  tokens.alice = alice.token;
  tokens.bob = bob.token;
  bobId = bob.id;

  // Twelve events share one timestamp, so paging must break ties by id.
  const tie = new Date("2024-03-01T12:00:00.000Z");
  await api.svc.db.insert(e).values(Array.from({ length: 12 }, (_, i) => ({ eventType: "member.added", accountId: beta, occurredAt: tie, details: { i } })));
  await api.svc.db.insert(e).values([
    { eventType: "team.created", accountId: gamma, occurredAt: new Date("2024-01-01T10:00:00Z"), actorUsername: "=cmd|' /C calc'!A0" },
    { eventType: "team.created", accountId: gamma, occurredAt: new Date("2024-01-02T23:59:59Z") },
    { eventType: "team.created", accountId: gamma, occurredAt: new Date("2024-01-03T00:00:00Z") },
    { eventType: "member.role_changed", accountId: beta, actorId: alice.id, actorUsername: "alice", targetType: "user", targetId: bob.id, occurredAt: new Date("2024-02-01T00:00:00Z") },
    { eventType: "auth.login_failed", accountId: null, occurredAt: new Date("2024-02-02T00:00:00Z"), details: { login: "nobody" } },
  ]);
  // Microsecond-apart rows: a cursor rounded to milliseconds would skip or repeat them.
  await api.svc.db.execute(
    sql`insert into audit_events (event_type, account_id, occurred_at) select 'team.updated', ${beta}::uuid, timestamptz '2024-04-01 00:00:00.000100+00' + g * interval '1 microsecond' from generate_series(1, 5) g`,
  );
});
afterAll(async () => {
  await api.close();
});

describe.each<Transport>(["rest", "trpc"])("audit events over %s", (transport) => {
  it("pages through every event exactly once, newest first, even while new ones arrive", async () => {
    const before = await dbIds(sql`true`);
    let inserted = 0;
    const seen = await allPages(transport, {}, tokens.staff, 4, async () => {
      await api.svc.db.insert(schema.auditEvents).values({ eventType: "user.updated", accountId: beta, details: { n: inserted++ } });
    });
    const ids = seen.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(before);
    const times = seen.map((s) => s.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(inserted).toBeGreaterThan(3);
  });

  it("filters by event type, by user as actor or target, and by date range", async () => {
    const teams = await allPages(transport, { eventType: "team.created" }, tokens.staff, 50);
    expect(teams.map((t) => t.occurredAt).sort()).toEqual(["2024-01-01T10:00:00.000Z", "2024-01-02T23:59:59.000Z", "2024-01-03T00:00:00.000Z"]);

    const bobs = await allPages(transport, { userId: bobId }, tokens.staff, 50);
    expect(bobs.map((b) => b.id).sort()).toEqual(await dbIds(sql`actor_id = ${bobId} or (target_type = 'user' and target_id = ${bobId})`));
    expect(bobs.some((b) => b.eventType === "member.role_changed" && b.targetId === bobId)).toBe(true);
    expect(bobs.some((b) => b.eventType === "auth.login" && b.actorId === bobId)).toBe(true);

    const day = await allPages(transport, { eventType: "team.created", from: "2024-01-02", to: "2024-01-02" }, tokens.staff, 50);
    expect(day.map((d) => d.occurredAt)).toEqual(["2024-01-02T23:59:59.000Z"]);
    const instant = await allPages(transport, { from: "2024-01-01T10:00:00Z", to: "2024-01-03T00:00:00.000Z" }, tokens.staff, 50);
    expect(instant.map((d) => d.occurredAt)).toEqual(["2024-01-03T00:00:00.000Z", "2024-01-02T23:59:59.000Z", "2024-01-01T10:00:00.000Z"]);
  });

  it("shows a tenant admin only the tenants they administer, from the query itself", async () => {
    const seen = await allPages(transport, {}, tokens.alice, 200);
    expect(seen.length).toBeGreaterThan(12);
    expect(seen.every((s) => s.accountId === beta)).toBe(true);
    expect(seen.map((s) => s.id).sort()).toEqual(await dbIds(sql`account_id = ${beta}`));
    // A member-only tenant is forbidden; someone else's tenant doesn't exist for her.
    expect((await listEvents(transport, { accountId: gamma }, tokens.alice)).status).toBe(403);
    expect((await listEvents(transport, { accountId: "00000000-0000-4000-8000-000000000000" }, tokens.alice)).status).toBe(404);
    const first = await listEvents(transport, { accountId: beta, limit: 1 }, tokens.alice);
    expect((first.data as Page).items[0]?.accountId).toBe(beta);
  });

  it("refuses plain members and anonymous callers", async () => {
    const bob = await listEvents(transport, {}, tokens.bob);
    expect(bob.status).toBe(403);
    expect(bob.error?.message).toMatch(/staff and tenant admins/);
    expect((await listEvents(transport, {}, "nope")).status).toBe(401);
  });

  it("turns bad filters into 400 with field errors", async () => {
    const bad = await listEvents(transport, { eventType: "nope", from: "yesterday", limit: 500 }, tokens.staff);
    expect(bad.status).toBe(400);
    expect(bad.error?.fieldErrors?.eventType).toEqual(["Unknown event type"]);
    expect(bad.error?.fieldErrors?.from?.[0]).toMatch(/YYYY-MM-DD/);
    expect(bad.error?.fieldErrors?.limit).toEqual(["Limit can be at most 200"]);
    const cursor = await listEvents(transport, { cursor: Buffer.from('["2024-13-45T00:00:00.000000Z","x"]').toString("base64url") }, tokens.staff);
    expect(cursor.status).toBe(400);
    expect(cursor.error?.fieldErrors?.cursor).toBeDefined();
    expect((await listEvents(transport, { to: "2024-02-30" }, tokens.staff)).status).toBe(400);
  });
});

describe("audit CSV export", () => {
  type Row = Record<string, string>;
  const rows = async (res: Response) => parse(await res.text(), { columns: true }) as Row[];

  it("streams the filtered events as a CSV attachment with a header row", async () => {
    const res = await exportCsv("eventType=team.created", tokens.staff);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-events-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.clone().text();
    expect(text.split("\n")[0]).toBe("occurredAt,eventType,actorUsername,actorId,targetType,targetId,accountId,ipAddress,userAgent,details");
    const parsed = await rows(res);
    expect(parsed.map((r) => r.occurredAt)).toEqual(["2024-01-03T00:00:00.000Z", "2024-01-02T23:59:59.000Z", "2024-01-01T10:00:00.000Z"]);
    expect(parsed.every((r) => r.eventType === "team.created" && r.accountId === gamma)).toBe(true);
    expect(parsed[2]?.actorUsername).toBe("'=cmd|' /C calc'!A0");
    expect(JSON.parse(parsed[0]?.details ?? "")).toEqual({});
  });

  it("exports every matching row, not a page, and only the tenant admin's tenants", async () => {
    const all = await rows(await exportCsv("", tokens.staff));
    expect(all.length).toBe((await dbIds(sql`true`)).length);
    const alices = await rows(await exportCsv(`from=2024-01-01&to=2024-12-31`, tokens.alice));
    expect(alices.length).toBe((await dbIds(sql`account_id = ${beta} and occurred_at < '2025-01-01'`)).length);
    expect(alices.every((r) => r.accountId === beta)).toBe(true);
  });

  it("answers refusals and bad filters as JSON errors", async () => {
    expect((await exportCsv("", tokens.bob)).status).toBe(403);
    expect((await exportCsv("")).status).toBe(401);
    const bad = await exportCsv("eventType=nope&from=yesterday", tokens.staff);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { code: string; data: { fieldErrors: Record<string, string[]> } };
    expect(body.code).toBe("BAD_REQUEST");
    expect(body.data.fieldErrors.eventType).toEqual(["Unknown event type"]);
    expect(body.data.fieldErrors.from?.[0]).toMatch(/YYYY-MM-DD/);
  });

  it("is documented in the OpenAPI document", async () => {
    const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths["/admin/audit-events/export.csv"]?.get).toBeDefined();
    expect(doc.paths["/admin/audit-events"]?.get).toBeDefined();
  });
});
