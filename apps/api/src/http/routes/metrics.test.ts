import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricsAccess } from "@atrium/core/system";
import { newTenant } from "../../routers/tenancy.test-helpers.js";
import { startTestApi, type TestApi } from "../../testing.js";
import { checkoutCompleted, deliver } from "./billing.test-helpers.js";

let api: TestApi;
let locked: TestApi;
const TOKEN = "scrape-me-0123456789abcdef";
beforeAll(async () => {
  [api, locked] = await Promise.all([startTestApi(), startTestApi({ METRICS_TOKEN: TOKEN })]);
});
afterAll(async () => {
  await Promise.all([api?.close(), locked?.close()]);
});

const scrape = async (base: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}/metrics`, { headers });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
};

/** The value of one sample line, e.g. `atrium_ledger_entries_total{type="credit",outcome="applied"}`; 0 when absent. */
const sample = (text: string, name: string, labels: Record<string, string>) => {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && want.every((w) => l.includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
};

async function tokenFor(username: string, password: string) {
  const res = await fetch(`${api.url}/api/auth/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  return { status: res.status, body: (await res.json()) as { token: string } };
}

describe("GET /metrics", () => {
  it("labels request durations by route template, never by raw ids", async () => {
    const admin = await tokenFor("admin", "admin123");
    const auth = { authorization: `Bearer ${admin.body.token}` };
    const id = randomUUID();
    // The registry belongs to the process, which other test files may share (vitest without isolation): count what these requests add.
    const before = (await scrape(api.url)).text;
    expect((await fetch(`${api.url}/api/api-keys/${id}/`, { method: "DELETE", headers: auth })).status).toBe(404);
    expect((await fetch(`${api.url}/api/me/`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${api.url}/trpc/auth.me`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${api.url}/api/healthz/`)).status).toBe(200);
    expect((await fetch(`${api.url}/api/no/such/${id}/`)).status).toBe(404);

    const { status, type, text } = await scrape(api.url);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain/);
    const added = (labels: Record<string, string>) => sample(text, "http_request_duration_seconds_count", labels) - sample(before, "http_request_duration_seconds_count", labels);
    expect(added({ route: "/api/api-keys/{id}/", method: "DELETE", status_code: "404" })).toBe(1);
    expect(added({ route: "/api/me/", method: "GET", status_code: "200" })).toBe(1);
    expect(added({ route: "/trpc/auth.me", method: "GET", status_code: "200" })).toBe(1);
    expect(added({ route: "/api/healthz", method: "GET", status_code: "200" })).toBe(1);
    expect(added({ route: "/api/(unmatched)", method: "GET", status_code: "404" })).toBe(1);
    expect(text).not.toContain(id);
    expect(text).not.toContain(admin.body.token);
    // Pool gauges and the process's own metrics come along.
    expect(text).toMatch(/^pg_pool_connections_total \d+/m);
    expect(text).toMatch(/^pg_pool_waiting_clients \d+/m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
  });

  it("counts webhook outcomes, ledger credits and rate-limit rejections", async () => {
    const tenant = await newTenant(api, "metrics");
    const before = (await scrape(api.url)).text;

    expect((await deliver(api, checkoutCompleted(tenant.account.id, 1500))).status).toBe(200);
    expect((await deliver(api, checkoutCompleted(tenant.account.id, 700), { signature: "t=1,v1=deadbeef" })).status).toBe(400);
    let limited = 0;
    for (let i = 0; i < 12 && !limited; i++) if ((await tokenFor("nobody", "wrong password")).status === 429) limited++;
    expect(limited).toBe(1);

    const after = (await scrape(api.url)).text;
    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta("atrium_webhook_events_total", { provider: "stripe", type: "checkout.session.completed", outcome: "processed" })).toBe(1);
    expect(delta("atrium_webhook_events_total", { provider: "stripe", outcome: "rejected" })).toBe(1);
    expect(delta("atrium_ledger_entries_total", { type: "credit", outcome: "applied" })).toBe(1);
    expect(delta("atrium_ledger_amount_cents_total", { direction: "credit" })).toBe(1500);
    expect(delta("atrium_rate_limit_rejections_total", { budget: "auth-ip" })).toBeGreaterThanOrEqual(1);
  });

  it("wants the METRICS_TOKEN bearer token when one is set", async () => {
    expect((await scrape(locked.url)).status).toBe(401);
    expect((await scrape(locked.url, { authorization: "Bearer not-the-token-at-all" })).status).toBe(401);
    const ok = await scrape(locked.url, { authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain("http_request_duration_seconds_bucket");
  });

  it("is closed in production until a token is configured", () => {
    expect(metricsAccess({ ATRIUM_ENV: "production", METRICS_TOKEN: undefined }, undefined)).toBe("disabled");
    expect(metricsAccess({ ATRIUM_ENV: "production", METRICS_TOKEN: TOKEN }, `Bearer ${TOKEN}`)).toBe("ok");
    expect(metricsAccess({ ATRIUM_ENV: "development", METRICS_TOKEN: undefined }, undefined)).toBe("ok");
  });
});
