// The REST surface as the operator manual (../shared/reference/000_*, "API Reference" and the curl
// examples) documents it: its own example requests, snake_case and `Authorization: Token` included,
// wherever Atrium implements the feature. Keys the manual doesn't document are refused by name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../testing.js";
import { billingTenant } from "../routers/billing.test-helpers.js";
import { IDENTITY_TEST_ENV, signUpUser } from "../routers/identity.test-helpers.js";

type Body = Record<string, unknown> & { data?: { fieldErrors?: Record<string, string[]> | null } };

let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await startTestApi(IDENTITY_TEST_ENV);
  admin = (await curl("POST", "/api/auth/token/", null, { username: "admin", password: "admin123" })).body.token as string;
});
afterAll(() => api.close());

/** `curl -X METHOD url -H "Authorization: Token …" -d 'json'`, as the manual writes it. */
async function curl(method: string, path: string, token: string | null, json?: unknown) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Token ${token}` } : {}), ...(json === undefined ? {} : { "content-type": "application/json" }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text.startsWith("{") || text.startsWith("[") ? JSON.parse(text) : { text }) as Body };
}
const days = (iso: unknown) => Math.round((Date.parse(String(iso)) - Date.now()) / 86_400_000);

describe("the operator manual's requests", () => {
  it("authentication: token, login with remember_me, me, logout", async () => {
    const token = await curl("POST", "/api/auth/token/", null, { username: "admin", password: "admin123" });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token: expect.any(String), user: { username: "admin" } });

    const login = await curl("POST", "/api/auth/login/", null, { username: "admin", password: "admin123", remember_me: true });
    expect(login.status).toBe(200);
    // remember_me took effect: a persistent cookie, not a browser-session one.
    expect(login.headers.get("set-cookie")).toMatch(/Expires=|Max-Age=/i);

    const me = await curl("GET", "/api/me/", token.body.token as string);
    expect(me.status).toBe(200);
    expect((await curl("POST", "/api/auth/logout/", token.body.token as string)).status).toBe(200);
    expect((await curl("GET", "/api/me/", token.body.token as string)).status).toBe(401);
  });

  it("invite passkeys: expires_days is honoured, not replaced by the default", async () => {
    const seven = await curl("POST", "/api/admin/passkeys/", admin, { expires_days: 7, notes: "Invite for Jane Smith" });
    expect(seven.status).toBe(200);
    expect(seven.body.key).toEqual(expect.any(String));
    expect(days(seven.body.expiresAt)).toBe(7);
    const thirty = await curl("POST", "/api/admin/passkeys/", admin, { expires_days: 30, notes: "Invite for John Doe - john@example.com" });
    expect(days(thirty.body.expiresAt)).toBe(30);
  });

  it("users: list, disable/enable with is_active, admin reset with new_password, activity by user_id", async () => {
    const u = await signUpUser(api, admin, "manual-user");
    expect((await curl("GET", "/api/admin/users/", admin)).status).toBe(200);
    const listed = await curl("GET", "/api/admin/users/?limit=50", admin);
    expect(listed.status).toBe(200);

    const off = await curl("PATCH", `/api/admin/users/${u.id}/`, admin, { is_active: false });
    expect(off.status).toBe(200);
    expect(off.body.isActive).toBe(false);
    expect((await curl("GET", "/api/me/", u.token)).status).toBe(401);
    expect((await curl("PATCH", `/api/admin/users/${u.id}/`, admin, { is_active: true })).body.isActive).toBe(true);

    const reset = await curl("POST", `/api/admin/users/${u.id}/reset-password/`, admin, { new_password: "TemporaryPassword123!" });
    expect(reset.status).toBe(200);
    expect((await curl("POST", "/api/auth/token/", null, { username: "manual-user", password: "TemporaryPassword123!" })).status).toBe(200);

    const activity = await curl("GET", `/api/admin/audit-events/?user_id=${u.id}`, admin);
    expect(activity.status).toBe(200);
    const items = activity.body.items as { actorId: string | null; targetId: string | null; eventType: string }[];
    expect(items.map((e) => e.eventType)).toEqual(expect.arrayContaining(["user.disabled", "user.enabled", "password.admin_reset"]));
    expect(items.every((e) => e.actorId === u.id || e.targetId === u.id)).toBe(true);
  });

  it("audit log: event_type=login&limit=50 (the manual's name for auth.login)", async () => {
    const res = await curl("GET", "/api/admin/audit-events/?event_type=login&limit=50", admin);
    expect(res.status).toBe(200);
    const types = (res.body.items as { eventType: string }[]).map((e) => e.eventType);
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(["auth.login"]));
  });

  it("billing: balance, top-up with amount_dollars, admin adjust with tenant_id/amount_cents, ledger, low_balance_policy", async () => {
    const { owner, account } = await billingTenant(api, "manual");
    const balance = await curl("GET", "/api/billing/reserve/balance/", owner.token);
    expect(balance.status).toBe(200);
    expect(balance.body).toMatchObject({ balanceCents: 0, currency: expect.any(String), isLow: expect.any(Boolean), policy: expect.any(String) });

    const topup = await curl("POST", "/api/billing/topup/session/", owner.token, { amount_dollars: 50 });
    expect(topup.status).toBe(200);
    expect(topup.body).toMatchObject({ sessionId: expect.any(String), checkoutUrl: expect.any(String) });

    const adjust = await curl("POST", "/api/billing/admin/reserve/adjust/", admin, { tenant_id: account.id, amount_cents: 10000, reason: "Promotional credit for early adopter" });
    expect(adjust.status).toBe(200);
    expect((await curl("GET", "/api/billing/reserve/balance/", owner.token)).body.balanceCents).toBe(10000);

    const ledger = await curl("GET", "/api/billing/reserve/ledger/?limit=50", owner.token);
    expect(ledger.status).toBe(200);
    expect(ledger.body.items).toEqual([expect.objectContaining({ amountCents: 10000 })]);

    const policy = await curl("PATCH", "/api/billing/profile/", owner.token, { low_balance_policy: "block" });
    expect(policy.status).toBe(200);
    expect(policy.body.lowBalancePolicy).toBe("block");

    const csv = await curl("GET", "/api/billing/admin/ledger/export.csv", admin);
    expect(csv.status).toBe(200);
  });

  it("costs, metrics, health and jobs (staff)", async () => {
    // The range asked for is the range answered (not the default last 30 days).
    const costs = await curl("GET", "/api/billing/admin/usage/costs/?start_date=2025-12-01&end_date=2025-12-31", admin);
    expect(costs.status).toBe(200);
    expect(costs.body).toMatchObject({ startDate: "2025-12-01", endDate: "2025-12-31" });
    const metrics = await curl("GET", "/api/system/metrics/summary/?start_date=2025-12-01&end_date=2025-12-31", admin);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatchObject({ startDate: "2025-12-01", endDate: "2025-12-31", mrr: expect.anything(), arr: expect.anything() });
    expect((await curl("GET", "/api/healthz/", null)).status).toBe(200);
    expect((await curl("GET", "/api/readyz/", null)).status).toBe(200);
    expect((await curl("GET", "/api/system/health/", admin)).status).toBe(200);
    expect((await curl("GET", "/api/system/jobs/?limit=20&status=running", admin)).status).toBe(200);
  });
});

describe("what the manual doesn't document is refused by name", () => {
  it("an undocumented snake_case field, a misspelt filter, both spellings at once", async () => {
    const u = await signUpUser(api, admin, "manual-refused");
    const staff = await curl("PATCH", `/api/admin/users/${u.id}/`, admin, { is_staff: true });
    expect(staff.status).toBe(400);
    expect(staff.body.data?.fieldErrors).toEqual({ is_staff: ["Unknown field"] });

    const filter = await curl("GET", `/api/admin/audit-events/?user=${u.id}`, admin);
    expect(filter.status).toBe(400);
    expect(filter.body.data?.fieldErrors).toEqual({ user: ["Unknown field"] });

    const both = await curl("PATCH", `/api/admin/users/${u.id}/`, admin, { is_active: false, isActive: true });
    expect(both.status).toBe(400);
    expect(Object.keys(both.body.data?.fieldErrors ?? {})).toEqual(["is_active"]);
    expect((await curl("GET", "/api/me/", u.token)).status).toBe(200);
  });

  it("keys the REST adapter would drop unread: a query key on a POST, any key on an input-less GET", async () => {
    const post = await curl("POST", "/api/admin/passkeys/?expires_days=30", admin, { notes: "query string" });
    expect(post.status).toBe(400);
    expect(Object.keys(post.body.data?.fieldErrors ?? {})).toEqual(["expires_days"]);
    const me = await curl("GET", "/api/me/?verbose=1", admin);
    expect(me.status).toBe(400);
    expect(me.body.data?.fieldErrors).toEqual({ verbose: ["This operation takes no input"] });
  });

  it("the aliases are REST only: tRPC takes our names", async () => {
    const res = await fetch(`${api.url}/trpc/inviteKeys.create`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
      body: JSON.stringify({ expires_days: 30 }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { fieldErrors: Record<string, string[]> } } };
    expect(body.error.data.fieldErrors).toEqual({ expires_days: ["Unknown field"] });
  });
});

describe("the OpenAPI document names each alias", () => {
  it("in the description and as a body property or query parameter", async () => {
    type Op = { description?: string; parameters?: { name: string }[]; requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
    const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, Op>> };
    const patch = doc.paths["/admin/users/{id}"]?.patch;
    expect(patch?.description).toContain("`is_active` for `isActive`");
    expect(Object.keys(patch?.requestBody?.content["application/json"]?.schema.properties ?? {})).toContain("is_active");
    const audit = doc.paths["/admin/audit-events"]?.get;
    expect(audit?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(["user_id", "event_type"]));
    expect(audit?.description).toContain("`login` means `auth.login`");
  });
});
