import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type RunningRedis } from "@atrium/db/embedded";
import { startTestApi, type TestApi } from "../testing.js";

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
  return { status: res.status, body: (await res.json()) as { checks: { redis: string; postgres: string } } };
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
    expect((await readyz()).status).toBe(200);
    const port = redis.port;
    await redis.stop();
    const down = await eventually(readyz, (r) => r.status === 503);
    expect(down.status).toBe(503);
    // Only the verdict leaves the server: no driver error text (hosts, ports, versions).
    expect(down.body).toEqual({ status: "unavailable", checks: { redis: "unavailable", postgres: "ok" } });
    redis = await startRedisServer({ port });
    const up = await eventually(readyz, (r) => r.status === 200);
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ status: "ok", checks: { redis: "ok", postgres: "ok" } });
  });

  it("serves the OpenAPI document with the REST paths", async () => {
    const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/auth/token", "/me", "/api-keys", "/api-keys/{id}"]));
    expect((await fetch(`${api.url}/api/docs/`)).status).toBe(200);
  });
});
