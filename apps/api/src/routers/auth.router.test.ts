import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@atrium/core";
import { insertUser } from "@atrium/core/testing";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, routes, type Transport } from "../test-transports.js";

let api: TestApi;
beforeAll(async () => {
  // This file logs in far more than 5 times a minute on purpose; the limit itself is tested in http/rate-limit.test.ts.
  api = await startTestApi({ RATE_LIMIT_AUTH_PER_MINUTE: "1000" });
  await insertUser(api.svc.db, {
    username: "dora",
    email: "dora@example.com",
    passwordHash: await hashPassword("disabled-pass-1"),
    isActive: false,
  });
});
afterAll(async () => {
  await api.close();
});

const ADMIN = { username: "admin", password: "admin123" };

describe.each<Transport>(["rest", "trpc"])("auth over %s", (transport) => {
  const token = async () => {
    const r = await call(api.url, transport, routes.token, ADMIN);
    expect(r.status).toBe(200);
    return (r.data as { token: string }).token;
  };

  it("logs in with username or email and returns the user", async () => {
    const byName = await call(api.url, transport, routes.token, ADMIN);
    const byEmail = await call(api.url, transport, routes.token, { username: "ADMIN@atrium.local", password: "admin123" });
    expect(byName.status).toBe(200);
    expect(byEmail.status).toBe(200);
    expect((byEmail.data as { user: { username: string } }).user.username).toBe("admin");
    expect(JSON.stringify(byName.data)).not.toMatch(/passwordHash|argon2/);
  });

  it("gives a wrong password the same 401 as an unknown user", async () => {
    const wrong = await call(api.url, transport, routes.token, { username: "admin", password: "wrong" });
    const unknown = await call(api.url, transport, routes.token, { username: "nobody", password: "wrong" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.error?.message).toBe("Invalid username or password");
    expect(unknown.error?.message).toBe(wrong.error?.message);
  });

  it("refuses a disabled user with the right password, and hides it behind a wrong one", async () => {
    const right = await call(api.url, transport, routes.token, { username: "dora", password: "disabled-pass-1" });
    expect(right.status).toBe(403);
    expect(right.error?.message).toMatch(/disabled/);
    const wrong = await call(api.url, transport, routes.token, { username: "dora", password: "nope" });
    expect(wrong.status).toBe(401);
  });

  it("accepts a bearer session token for me and rejects a made-up one", async () => {
    const t = await token();
    const me = await call(api.url, transport, routes.me, undefined, bearer(t));
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ user: { username: "admin", isStaff: true }, account: { slug: "default" }, authMethod: "session" });
    const bad = await call(api.url, transport, routes.me, undefined, bearer("not-a-real-token"));
    expect(bad.status).toBe(401);
  });

  it("answers me without auth with 401, never 500", async () => {
    const r = await call(api.url, transport, routes.me);
    expect(r.status).toBe(401);
    expect(r.error?.code).toBe("UNAUTHORIZED");
  });

  it("turns bad input into 400 with a message per field", async () => {
    const r = await call(api.url, transport, routes.token, { username: "", password: 42 });
    expect(r.status).toBe(400);
    expect(r.error?.fieldErrors?.username).toEqual(["Enter your username or email"]);
    expect(r.error?.fieldErrors?.password?.[0]).toMatch(/expected string/);
  });

  it("ends the session on logout", async () => {
    const t = await token();
    const out = await call(api.url, transport, routes.logout, undefined, bearer(t));
    expect(out.status).toBe(200);
    expect((await call(api.url, transport, routes.me, undefined, bearer(t))).status).toBe(401);
  });
});

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax, persistent only with remember-me, and authenticates me", async () => {
    const short = await call(api.url, "rest", routes.login, { ...ADMIN, rememberMe: false });
    const long = await call(api.url, "rest", routes.login, { ...ADMIN, rememberMe: true });
    const shortCookie = short.headers.get("set-cookie") ?? "";
    const longCookie = long.headers.get("set-cookie") ?? "";
    expect(shortCookie).toMatch(/atrium_session=[a-z0-9]+;.*HttpOnly/);
    expect(shortCookie).toMatch(/SameSite=Lax/);
    expect(shortCookie).not.toMatch(/Expires=/);
    expect(longCookie).toMatch(/Expires=/);
    const cookie = longCookie.split(";")[0] ?? "";
    const me = await call(api.url, "trpc", routes.me, undefined, { cookie });
    expect(me.status).toBe(200);
  });

  it("is Secure in production", async () => {
    const prod = await startTestApi({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), BOOTSTRAP_ADMIN_PASSWORD: "a-strong-admin-pass" });
    try {
      const r = await call(prod.url, "rest", routes.login, { username: "admin", password: "a-strong-admin-pass" });
      expect(r.status).toBe(200);
      expect(r.headers.get("set-cookie")).toMatch(/Secure/);
      expect(r.headers.get("strict-transport-security")).toBeTruthy();
    } finally {
      await prod.close();
    }
  });
});

describe("audit of auth events", () => {
  it("records login ok, login failed and logout with ip and user agent", async () => {
    const { schema } = await import("@atrium/db");
    const ua = { "user-agent": "audit-test/1.0" };
    const ok = await call(api.url, "rest", routes.token, ADMIN, ua);
    await call(api.url, "rest", routes.token, { username: "admin", password: "bad" }, ua);
    await call(api.url, "rest", routes.logout, undefined, { ...ua, ...bearer((ok.data as { token: string }).token) });
    const rows = (await api.svc.db.select().from(schema.auditEvents)).filter((r) => r.userAgent === "audit-test/1.0");
    expect(rows.map((r) => r.eventType).sort()).toEqual(["auth.login", "auth.login_failed", "auth.logout"]);
    expect(rows.every((r) => r.ipAddress && r.actorUsername === "admin")).toBe(true);
    expect(rows.find((r) => r.eventType === "auth.login_failed")?.details).toMatchObject({ reason: "wrong_password" });
  });
});
