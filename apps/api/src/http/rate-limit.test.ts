import { afterEach, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, routes, type Transport } from "../test-transports.js";
import { isAuthLimited } from "./rate-limit.js";

// Each test starts its own api: a fresh REDIS_PREFIX, so no budget leaks between tests.
let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const ADMIN = { username: "admin", password: "admin123" };
const from = (ip: string) => ({ "x-forwarded-for": ip });

function expectLimited(r: { status: number; headers: Headers; error?: { message: string; code: string } }, maxSeconds: number) {
  expect(r.status).toBe(429);
  expect(r.error?.code).toBe("TOO_MANY_REQUESTS");
  expect(r.error?.message).toMatch(/^Too many requests, try again in \d+ seconds?$/);
  const retryAfter = Number(r.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

describe.each<Transport>(["rest", "trpc"])("auth rate limits over %s", (transport) => {
  it("refuses the 6th login within a minute from one IP, even with the right password", async () => {
    api = await startTestApi();
    for (let i = 0; i < 5; i++) {
      expect((await call(api.url, transport, routes.login, { username: "admin", password: `wrong-${i}` })).status).toBe(401);
    }
    const sixth = await call(api.url, transport, routes.token, ADMIN);
    expectLimited(sixth, 60);
  });

  it("counts per IP across accounts and per account across IPs", async () => {
    api = await startTestApi({ TRUST_PROXY: "1" });
    // One IP, five different names: the IP's budget is spent.
    for (let i = 0; i < 5; i++) expect((await call(api.url, transport, routes.token, { username: `user${i}`, password: "x" }, from("10.0.0.1"))).status).toBe(401);
    expectLimited(await call(api.url, transport, routes.token, { username: "someone-else", password: "x" }, from("10.0.0.1")), 60);
    // One account (named either case), five IPs: the account's budget is spent, whatever the next IP.
    for (let i = 0; i < 5; i++) {
      const r = await call(api.url, transport, routes.token, { username: i % 2 ? "ADMIN" : "admin", password: "wrong" }, from(`10.0.1.${i}`));
      expect(r.status).toBe(401);
    }
    expectLimited(await call(api.url, transport, routes.token, ADMIN, from("10.0.2.1")), 60);
    // A fresh IP and a fresh account are still welcome.
    expect((await call(api.url, transport, routes.token, { username: "nobody", password: "x" }, from("10.0.2.1"))).status).toBe(401);
  });
});

describe.each<Transport>(["rest", "trpc"])("API rate limits over %s", (transport) => {
  it("limits anonymous calls per IP and leaves health routes alone", async () => {
    api = await startTestApi({ RATE_LIMIT_ANON_PER_MINUTE: "3" });
    for (let i = 0; i < 3; i++) expect((await call(api.url, transport, routes.me)).status).toBe(401);
    const limited = await call(api.url, transport, routes.me, undefined, { origin: "http://localhost:3000" });
    expectLimited(limited, 60);
    // A browser on an allowed origin may read it too.
    expect(limited.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
    for (let i = 0; i < 5; i++) expect((await fetch(`${api.url}/api/healthz`)).status).toBe(200);
  });

  it("limits authenticated calls per user per hour, separately from the IP", async () => {
    api = await startTestApi({ RATE_LIMIT_AUTH_PER_HOUR: "3", RATE_LIMIT_ANON_PER_MINUTE: "2" });
    const token = ((await call(api.url, transport, routes.token, ADMIN)).data as { token: string }).token;
    for (let i = 0; i < 3; i++) expect((await call(api.url, transport, routes.me, undefined, bearer(token))).status).toBe(200);
    const limited = await call(api.url, transport, routes.me, undefined, bearer(token));
    expectLimited(limited, 3600);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(60);
    // The same IP still has anonymous budget left: the user's budget is its own.
    expect((await call(api.url, transport, routes.me)).status).toBe(401);
  });

  it("can be switched off", async () => {
    api = await startTestApi({ RATE_LIMIT_ENABLED: "false", RATE_LIMIT_ANON_PER_MINUTE: "1" });
    for (let i = 0; i < 4; i++) expect((await call(api.url, transport, routes.me)).status).toBe(401);
  });
});

describe("rate limits without Redis", () => {
  it("fall back to an in-process limiter instead of failing requests", async () => {
    api = await startTestApi({ RATE_LIMIT_ANON_PER_MINUTE: "2" });
    api.deps.redis.disconnect();
    expect((await call(api.url, "rest", routes.me)).status).toBe(401);
    expect((await call(api.url, "rest", routes.me)).status).toBe(401);
    expectLimited(await call(api.url, "rest", routes.me), 60);
  });
});

describe.each<Transport>(["rest", "trpc"])("client addresses and account buckets over %s", (transport) => {
  it("behind one proxy, rotating the client-written left-most X-Forwarded-For doesn't buy new budgets", async () => {
    api = await startTestApi({ TRUST_PROXY: "1" });
    // The proxy appends the address it saw (10.7.7.7); everything left of it is whatever the client wrote.
    const rotating = (i: number) => ({ "x-forwarded-for": `203.0.113.${i}, 10.7.7.7` });
    for (let i = 0; i < 5; i++) expect((await call(api.url, transport, routes.token, { username: `u${i}`, password: "x" }, rotating(i))).status).toBe(401);
    expectLimited(await call(api.url, transport, routes.token, { username: "u9", password: "x" }, rotating(9)), 60);
  });

  it("with a proxy address list, only entries added by those proxies are skipped", async () => {
    api = await startTestApi({ TRUST_PROXY: "127.0.0.1/32, 10.0.0.0/8" });
    // Test client (127.0.0.1) -> "proxy" 10.1.1.1 -> client 198.51.100.7: the first untrusted hop from the right.
    const via = (spoof: number) => ({ "x-forwarded-for": `192.0.2.${spoof}, 198.51.100.7, 10.1.1.1` });
    for (let i = 0; i < 5; i++) expect((await call(api.url, transport, routes.token, { username: `v${i}`, password: "x" }, via(i))).status).toBe(401);
    expectLimited(await call(api.url, transport, routes.token, { username: "v9", password: "x" }, via(9)), 60);
  });

  it("a user's username and email, in any case, share one account budget", async () => {
    api = await startTestApi({ TRUST_PROXY: "1" });
    const ip = (i: number) => ({ "x-forwarded-for": `10.3.0.${i}` });
    const names = ["admin", "ADMIN@atrium.local", "Admin", "admin@ATRIUM.local", "aDmIn"];
    for (const [i, username] of names.entries()) expect((await call(api.url, transport, routes.token, { username, password: "wrong" }, ip(i))).status).toBe(401);
    expectLimited(await call(api.url, transport, routes.token, { username: "Admin@Atrium.Local", password: "admin123" }, ip(9)), 60);
  });
});

describe("which procedures spend the auth budget", () => {
  it("covers login, token, signup and password flows but not logout or other calls", () => {
    for (const p of ["auth.login", "auth.token", "auth.signup", "email.verify", "passwords.requestReset", "passwords.confirmReset", "passwords.change"]) expect(isAuthLimited(p)).toBe(true);
    for (const p of ["auth.logout", "auth.me", "email.outbox.list", "apiKeys.list", "auth.signupStats", "passwordPolicy.get"]) expect(isAuthLimited(p)).toBe(false);
  });
});
