import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newUser } from "../../routers/tenancy.test-helpers.js";
import { startTestApi, type TestApi } from "../../testing.js";
import type { Access, RawRoute } from "./raw-route.js";
import { RAW_ROUTES } from "./raw-routes.js";

// Every raw route, walked from the list the server mounts: a route added tomorrow is covered the day it lands.

/** A concrete URL for a route's express path (`:name`, `*key`), with a well-formed value. */
const urlOf = (route: Pick<RawRoute<Access, unknown>, "path">) =>
  `/api${route.path.replace(":name", "atrium-20260101T000000000Z").replace(":sessionId", `cs_local_${randomUUID()}`).replace("*key", "a/b.txt")}`;

async function send(api: TestApi, route: Pick<RawRoute<Access, unknown>, "method" | "path">, token?: string) {
  const requestId = `probe-${randomUUID()}`;
  const headers: Record<string, string> = { "x-request-id": requestId, "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${api.url}${urlOf(route)}`, { method: route.method.toUpperCase(), headers, body: route.method === "post" ? "{}" : undefined });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the assertion below shows the text.
  }
  return { status: res.status, body, requestId, retryAfter: res.headers.get("retry-after") };
}

/** The body a procedure sends for the same refusal: raw routes must be indistinguishable from it. */
const procedureError = (code: string, httpStatus: number, path: unknown, requestId: string, message: string) => ({
  message,
  code,
  data: { code, httpStatus, path, fieldErrors: null, requestId },
});

describe("raw routes run the procedures' pipeline", () => {
  let api: TestApi;
  const dead: Record<string, string | undefined> = {};
  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
    const staff = await newUser(api, "rr_staff", { isStaff: true });
    const holder = await newUser(api, "rr_holder");
    const auth = (t: string) => ({ authorization: `Bearer ${t}`, "content-type": "application/json" });
    const created = await fetch(`${api.url}/api/api-keys/`, { method: "POST", headers: auth(holder.token), body: JSON.stringify({ name: "soon revoked" }) });
    const key = (await created.json()) as { id: string; key: string };
    expect((await fetch(`${api.url}/api/api-keys/${key.id}/`, { method: "DELETE", headers: auth(holder.token) })).status).toBe(200);
    const disabled = await newUser(api, "rr_disabled");
    const off = await fetch(`${api.url}/api/admin/users/${disabled.user.id}/`, { method: "PATCH", headers: auth(staff.token), body: JSON.stringify({ isActive: false }) });
    expect(off.status).toBe(200);
    Object.assign(dead, { "no credentials": undefined, "a revoked API key": key.key, "a disabled user's session": disabled.token });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it("refuses dead credentials on every signed-in route with the procedures' 401 body, request id included", async () => {
    const guarded = RAW_ROUTES.filter((r) => r.access !== "public" && r.access !== "signed");
    expect(guarded.length).toBeGreaterThan(5);
    for (const [who, token] of Object.entries(dead)) {
      const me = await send(api, { method: "get", path: "/me/" }, token);
      expect(me.body, `GET /api/me/ with ${who}`).toEqual(procedureError("UNAUTHORIZED", 401, expect.any(String), me.requestId, "Authentication required"));
      for (const route of guarded) {
        const r = await send(api, route, token);
        expect({ route: `${route.method} ${route.path} with ${who}`, status: r.status, body: r.body }).toEqual({
          route: `${route.method} ${route.path} with ${who}`,
          status: 401,
          body: procedureError("UNAUTHORIZED", 401, route.procedure, r.requestId, "Authentication required"),
        });
      }
    }
  });

  it("answers a signature route's refusal in the same body", async () => {
    const webhook = RAW_ROUTES.find((r) => r.access === "signed" && r.method === "post" && r.path.includes("webhook"));
    const files = RAW_ROUTES.find((r) => r.path.includes("*key"));
    if (!webhook || !files) throw new Error("the webhook and the signed file route are raw routes");
    const unsigned = await send(api, webhook);
    expect(unsigned).toMatchObject({ status: 400, body: { code: "BAD_REQUEST", data: { code: "BAD_REQUEST", httpStatus: 400, path: webhook.procedure, fieldErrors: null, requestId: unsigned.requestId } } });
    const forged = await send(api, files);
    expect(forged.body).toEqual(procedureError("FORBIDDEN", 403, files.procedure, forged.requestId, "This download link is not valid"));
  });
});

describe("raw routes spend the procedures' rate-limit budget", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_ENABLED: "true", RATE_LIMIT_ANON_PER_MINUTE: "2" });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it("once an anonymous caller has spent it on procedures, every raw route but Stripe's webhook answers 429 with Retry-After", async () => {
    // Two procedure calls spend the anonymous budget of this IP.
    for (let i = 0; i < 2; i++) expect((await fetch(`${api.url}/api/me/`)).status).toBe(401);
    for (const route of RAW_ROUTES) {
      const r = await send(api, route);
      if (route.access === "signed") {
        expect(r.status, `${route.method} ${route.path}`).toBe(400);
        continue;
      }
      expect({ route: `${route.method} ${route.path}`, status: r.status, code: (r.body as { code?: string }).code, retryAfter: Number(r.retryAfter) > 0 }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 429,
        code: "TOO_MANY_REQUESTS",
        retryAfter: true,
      });
      expect((r.body as { data: { path: string; requestId: string } }).data).toMatchObject({ path: route.procedure, requestId: r.requestId });
    }
  });
});
