import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../testing.js";

/** A request with a Host header of our choosing (fetch always sends the URL's own). */
function get(api: TestApi, path: string, headers: Record<string, string>, method = "GET", body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const staging = {
  ATRIUM_ENV: "staging",
  SESSION_SECRET: "s".repeat(40),
  BOOTSTRAP_ADMIN_PASSWORD: "staging-admin-pass-77",
  PUBLIC_URL: "https://app.example.com",
  TRUST_PROXY: "1",
  COOKIE_DOMAIN: ".example.com",
  TRUSTED_ORIGINS: "https://admin.example.com",
};

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(staging);
});
afterAll(() => api?.close());

describe("a staging profile behind a proxy", () => {
  it("refuses requests for hosts it wasn't told about, but answers probes on any", async () => {
    const forged = await get(api, "/api/healthz/", { host: "evil.example.net" });
    expect(forged.status).toBe(200);
    const refused = await get(api, "/api/me/", { host: "evil.example.net", "x-forwarded-proto": "https" });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).message).toMatch(/Host not allowed: evil\.example\.net.*ALLOWED_HOSTS/);
    const ok = await get(api, "/api/me/", { host: "app.example.com", "x-forwarded-proto": "https" });
    expect(ok.status).toBe(401);
  });

  it("redirects plain http (as the proxy reports it) to https, keeping the method for writes", async () => {
    const page = await get(api, "/api/me/?x=1", { host: "app.example.com", "x-forwarded-proto": "http" });
    expect(page.status).toBe(301);
    expect(page.headers.location).toBe("https://app.example.com/api/me/?x=1");
    const write = await get(api, "/api/auth/logout/", { host: "app.example.com", "x-forwarded-proto": "http" }, "POST");
    expect(write.status).toBe(308);
  });

  it("sends a year of HSTS and a Secure session cookie scoped to COOKIE_DOMAIN", async () => {
    const body = JSON.stringify({ username: "admin", password: staging.BOOTSTRAP_ADMIN_PASSWORD });
    const res = await get(api, "/api/auth/login/", { host: "app.example.com", "x-forwarded-proto": "https", "content-type": "application/json", origin: "https://app.example.com" }, "POST", body);
    expect(res.status).toBe(200);
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/Domain=\.example\.com/);
    expect(cookie).toMatch(/Secure/);
    const token = /atrium_session=([^;]+)/.exec(cookie)?.[1] ?? "";

    // Cookie-authenticated writes: TRUSTED_ORIGINS is trusted, any other origin is not.
    const logout = (origin: string) =>
      get(api, "/api/auth/logout/", { host: "app.example.com", "x-forwarded-proto": "https", cookie: `atrium_session=${token}`, origin, "content-type": "application/json" }, "POST", "{}");
    expect((await logout("https://elsewhere.example.net")).status).toBe(403);
    expect((await logout("https://admin.example.com")).status).toBe(200);
  });
});

describe("the test profile", () => {
  it("answers any host and sends no HSTS", async () => {
    const dev = await startTestApi();
    try {
      const res = await get(dev, "/api/healthz/", { host: "whatever.local" });
      expect(res.status).toBe(200);
      expect(res.headers["strict-transport-security"]).toBeUndefined();
    } finally {
      await dev.close();
    }
  });
});
