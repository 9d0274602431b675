import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "@atrium/core/contracts";
import { startTestApi, type TestApi } from "../../testing.js";
import { bearer, call, routes } from "../../test-transports.js";
import { fixture } from "../../routers/document.test-helpers.js";

let api: TestApi;
let cookie: string;
const SPA = "http://localhost:3000"; // the default CORS_ORIGINS / PUBLIC_URL
const EVIL = "http://evil.test";

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
});
afterAll(async () => api?.close());

async function freshCookie(): Promise<string> {
  const r = await call(api.url, "rest", routes.login, { username: "admin", password: "admin123" });
  return (r.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}
const post = (path: string, headers: Record<string, string>, body?: string | FormData) => fetch(`${api.url}${path}`, { method: "POST", headers, body });
const stillLoggedIn = async (c: string) => (await fetch(`${api.url}/api/me/`, { headers: { cookie: c } })).status === 200;

describe("CSRF on cookie-authenticated changes", () => {
  beforeAll(async () => {
    cookie = await freshCookie();
  });

  it("refuses a body-less POST with the cookie from another origin (403), and the session survives", async () => {
    const res = await post("/api/auth/logout/", { cookie, origin: EVIL });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe("FORBIDDEN");
    expect(await stillLoggedIn(cookie)).toBe(true);
  });

  it("refuses a form-encoded POST even from an allowed origin, and one with no Origin or Referer at all", async () => {
    const form = await post("/api/api-keys/", { cookie, origin: SPA, "content-type": "application/x-www-form-urlencoded" }, "name=evil");
    expect(form.status).toBe(403);
    expect((await post("/api/api-keys/", { cookie, "content-type": "application/json" }, JSON.stringify({ name: "k" }))).status).toBe(403);
    // A Referer from another site is no better than its Origin.
    expect((await post("/api/api-keys/", { cookie, referer: `${EVIL}/page`, "content-type": "application/json" }, JSON.stringify({ name: "k" }))).status).toBe(403);
  });

  it("refuses tRPC mutations from another origin", async () => {
    const res = await post("/trpc/apiKeys.create", { cookie, origin: EVIL, "content-type": "application/json" }, JSON.stringify({ name: "k" }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { data: { code: string } } }).error.data.code).toBe("FORBIDDEN");
  });

  it("lets the SPA through: JSON from an allowed origin, or a multipart upload with the CSRF header", async () => {
    expect((await post("/trpc/apiKeys.create", { cookie, origin: SPA, "content-type": "application/json" }, JSON.stringify({ name: "spa" }))).status).toBe(200);
    expect((await post("/api/api-keys/", { cookie, referer: `${SPA}/settings`, "content-type": "application/json" }, JSON.stringify({ name: "spa2" }))).status).toBe(200);
    const form = () => {
      const f = new FormData();
      f.append("file", new Blob([fixture("resume.pdf")]), "cv.pdf");
      return f;
    };
    expect((await post("/api/documents/", { cookie, origin: SPA }, form())).status).toBe(403);
    expect((await post("/api/documents/", { cookie, origin: SPA, [CSRF_HEADER]: "1" }, form())).status).toBe(201);
    // Same-origin pages of the api itself (Swagger UI) count as allowed.
    expect((await post("/api/api-keys/", { cookie, origin: api.url, "content-type": "application/json" }, JSON.stringify({ name: "docs" }))).status).toBe(200);
  });

  it("leaves bearer calls alone, with or without an Origin", async () => {
    const token = ((await call(api.url, "rest", routes.token, { username: "admin", password: "admin123" })).data as { token: string }).token;
    expect((await post("/api/api-keys/", { ...bearer(token), "content-type": "application/json", origin: EVIL }, JSON.stringify({ name: "sdk" }))).status).toBe(200);
    expect((await post("/api/auth/logout/", bearer(token))).status).toBe(200);
  });

  it("leaves the signature-authenticated Stripe webhook alone, cookie or not", async () => {
    const res = await post("/api/billing/webhook/", { cookie, origin: EVIL, "content-type": "text/plain" }, "{}");
    // Refused for its missing signature (400), not by the CSRF check.
    expect(res.status).toBe(400);
  });
});

// `vite preview` prints http://127.0.0.1:3000 while PUBLIC_URL names localhost: the same machine and port.
describe("the loopback twins of a loopback origin", () => {
  const json = { "content-type": "application/json" };

  it("takes a change from 127.0.0.1 and [::1] when the SPA's configured origin is localhost, and CORS answers them", async () => {
    const c = await freshCookie();
    for (const origin of ["http://127.0.0.1:3000", "http://[::1]:3000"]) {
      expect((await post("/trpc/apiKeys.create", { cookie: c, origin, ...json }, JSON.stringify({ name: `twin ${origin}` }))).status).toBe(200);
      const preflight = await fetch(`${api.url}/trpc/apiKeys.create`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
      expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
    }
    // Another port on the same machine is another origin.
    expect((await post("/trpc/apiKeys.create", { cookie: c, origin: "http://127.0.0.1:3001", ...json }, JSON.stringify({ name: "k" }))).status).toBe(403);
  });

  it("gives a non-loopback origin no twin", async () => {
    const site = "http://app.example.test:3000";
    const other = await startTestApi({ RATE_LIMIT_ENABLED: "false", PUBLIC_URL: site, CORS_ORIGINS: site });
    try {
      const login = await call(other.url, "rest", routes.login, { username: "admin", password: "admin123" });
      const c = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const create = (origin: string) => fetch(`${other.url}/trpc/apiKeys.create`, { method: "POST", headers: { cookie: c, origin, ...json }, body: JSON.stringify({ name: "k" }) });
      expect((await create(site)).status).toBe(200);
      expect((await create("http://127.0.0.1:3000")).status).toBe(403);
      expect((await create("http://localhost:3000")).status).toBe(403);
      const preflight = await fetch(`${other.url}/trpc/apiKeys.create`, { method: "OPTIONS", headers: { origin: "http://127.0.0.1:3000", "access-control-request-method": "POST" } });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await other.close();
    }
  });
});
