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
