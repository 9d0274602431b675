import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type RunningRedis } from "@atrium/db/embedded";
import { startTestApi, type TestApi } from "../../testing.js";

let redis: RunningRedis;
let api: TestApi;
beforeAll(async () => {
  // Its own redis-server, so stopping it doesn't disturb other test files.
  redis = await startRedisServer();
  api = await startTestApi({ REDIS_URL: redis.url });
});
afterAll(async () => {
  await api.close();
  await redis.stop();
});

const readyz = async () => {
  const res = await fetch(`${api.url}/api/readyz/`);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { checks: { redis: { ok: boolean }; postgres: { ok: boolean }; storage: { ok: boolean } } } };
};

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("health", () => {
  it("liveness answers ok", async () => {
    const res = await fetch(`${api.url}/api/healthz/`);
    expect(res.status).toBe(200);
  });

  it("readiness goes 503 while Redis is down and 200 once it is back", async () => {
    const ready = await readyz();
    expect(ready.status).toBe(200);
    // Storage is probed with a write, read and delete.
    expect(ready.body.checks.storage).toMatchObject({ ok: true });
    const port = redis.port;
    await redis.stop();
    const down = await eventually(readyz, (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body.checks).toMatchObject({ redis: { ok: false }, postgres: { ok: true }, storage: { ok: true } });
    // Anonymous callers learn what is down, not the driver's error (hosts, ports, versions).
    expect(down.text).not.toMatch(/ECONNREFUSED|error|Connection|127\.0\.0\.1/i);
    redis = await startRedisServer({ port });
    const up = await eventually(readyz, (r) => r.status === 200);
    expect(up.status).toBe(200);
  });

  it("serves the OpenAPI document with the REST paths", async () => {
    const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/auth/token", "/me", "/api-keys", "/api-keys/{id}"]));
    expect((await fetch(`${api.url}/api/docs/`)).status).toBe(200);
  });
});
