import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTenant, newUser, type TestUser } from "../../routers/tenancy.test-helpers.js";
import { SESSION_COOKIE } from "./session-cookie.js";
import { startTestApi, type TestApi } from "../../testing.js";

// The versioning rule (README, "REST surface"): unversioned under /api/, /api/v1/<path> an alias of /api/<path>.

let api: TestApi;
let staff: TestUser;
let doc: { paths: Record<string, Record<string, unknown>> };
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  staff = await newUser(api, "ver_staff", { isStaff: true });
  doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as typeof doc;
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const get = async (path: string, token: string) => {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}`, "x-request-id": "same" } });
  // The event stream never ends by itself: that it opened (status, type) is what both paths must share.
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    await res.body?.cancel();
    return { status: res.status, body: "(stream)" };
  }
  const text = await res.text();
  // Successful bodies carry clocks and latencies; refusals must match word for word.
  return { status: res.status, body: res.status >= 400 ? text : "(ok)" };
};

describe("REST paths", () => {
  it("documents every operation unversioned and in one form: no trailing slash (requests may add one)", () => {
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThan(60);
    expect(paths.filter((p) => /^\/v\d+\//.test(p))).toEqual([]);
    expect(paths.filter((p) => p.endsWith("/"))).toEqual([]);
  });

  it("answers every documented GET the same under /api/v1/ as under /api/", async () => {
    const tenant = await newTenant(api, "ver");
    const fill = (p: string) => p.replace(/\{[^}]+\}/g, randomUUID());
    const gets = Object.entries(doc.paths).filter(([, ops]) => "get" in ops).map(([p]) => fill(p));
    for (const path of gets) {
      for (const token of [staff.token, tenant.owner.token]) {
        const [plain, aliased] = [await get(`/api${path}`, token), await get(`/api/v1${path}`, token)];
        expect({ path, ...aliased }).toEqual({ path, ...plain });
      }
    }
  });

  it("keeps the seed's documented paths answering, versioned or not", async () => {
    // From the operator manuals: their tenancy paths carry /v1/, everything else doesn't.
    const owner = (await newTenant(api, "seed")).owner.token;
    const seed: Array<[string, string]> = [
      ["/api/v1/accounts/", owner],
      ["/api/v1/organizations/", owner],
      ["/api/v1/teams/", owner],
      ["/api/v1/users/", owner],
      ["/api/admin/users/", staff.token],
      ["/api/admin/audit-events/", staff.token],
      ["/api/admin/passkeys/", staff.token],
      ["/api/billing/reserve/balance/", owner],
      ["/api/billing/reserve/ledger/", owner],
      ["/api/billing/profile/", owner],
      ["/api/system/metrics/summary/", staff.token],
      ["/api/me/", owner],
      ["/api/jobs/", owner],
    ];
    for (const [path, token] of seed) expect({ path, status: (await get(path, token)).status }).toEqual({ path, status: 200 });
    // And the same tenancy list without the prefix, as the API section documents it now.
    expect((await get("/api/accounts/", owner)).status).toBe(200);
  });

  it("applies the alias before the guards: a v1 path is rate-limited, CSRF-checked and refused exactly like its plain path", async () => {
    const plain = await fetch(`${api.url}/api/accounts/`, { method: "POST", headers: { cookie: `${SESSION_COOKIE}=${staff.token}`, origin: "https://evil.example", "content-type": "application/json" }, body: "{}" });
    const aliased = await fetch(`${api.url}/api/v1/accounts/`, { method: "POST", headers: { cookie: `${SESSION_COOKIE}=${staff.token}`, origin: "https://evil.example", "content-type": "application/json" }, body: "{}" });
    expect([plain.status, aliased.status]).toEqual([403, 403]);
  });
});
