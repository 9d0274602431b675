import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type RunningRedis } from "@atrium/db/embedded";
import { ANALYSIS_JOBS, type THealthCheck, type TSystemHealth } from "@atrium/core";
import { writeHeartbeat } from "@atrium/core/system";
import { startTestApi, type TestApi } from "../testing.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

let redis: RunningRedis;
let api: TestApi;
let staff: TestUser;
let member: TestUser;
beforeAll(async () => {
  // Its own redis-server: one test stops it.
  redis = await startRedisServer();
  api = await startTestApi({ REDIS_URL: redis.url });
  staff = await newUser(api, "health-staff", { isStaff: true });
  member = await newUser(api, "health-member");
});
afterAll(async () => {
  await api?.close();
  await redis?.stop();
});

async function health(token: string) {
  const res = await fetch(`${api.url}/api/system/health/`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as TSystemHealth };
}
const check = (h: TSystemHealth, kind: THealthCheck["kind"], name?: string) => h.checks.find((c) => c.kind === kind && (name === undefined || c.name === name));

describe("GET /api/system/health/", () => {
  it("is for staff only", async () => {
    expect((await health(member.token)).status).toBe(403);
    expect((await fetch(`${api.url}/api/system/health/`)).status).toBe(401);
  });

  it("reports every dependency, each live worker and each queue with a status and a latency", async () => {
    const prefix = api.deps.config.REDIS_PREFIX;
    const beat = { id: "w-test-1", hostname: "box", pid: 42, startedAt: new Date().toISOString(), lastSeenAt: new Date().toISOString(), queues: ["maintenance"] };
    await writeHeartbeat(api.deps.redis, prefix, beat, 60);
    // Waiting on a queue no live worker serves: that queue is degraded, the rest are fine.
    await api.deps.jobs.enqueue(ANALYSIS_JOBS.extract, { documentId: "00000000-0000-4000-8000-000000000000" });

    const { status, body } = await health(staff.token);
    expect(status).toBe(200);
    expect(check(body, "postgres")).toMatchObject({ status: "ok", details: { pendingMigrations: 0 } });
    expect(String(check(body, "postgres")?.details.migration)).toMatch(/^\d{4}_\w+/);
    expect(check(body, "redis")).toMatchObject({ status: "ok" });
    expect(check(body, "redis")?.details.usedMemoryBytes).toBeGreaterThan(0);
    expect(check(body, "storage")).toMatchObject({ status: "ok", name: "local" });
    expect(check(body, "email")).toMatchObject({ status: "ok", name: "outbox" });
    expect(check(body, "worker", "w-test-1")).toMatchObject({ status: "ok", details: { lastSeenAt: beat.lastSeenAt, queues: "maintenance" } });
    expect(check(body, "queue", "maintenance")).toMatchObject({ status: "ok", details: { waiting: 0, failedLastHour: 0 } });
    expect(check(body, "queue", "document_processing")).toMatchObject({ status: "degraded", details: { waiting: 1 } });
    for (const c of body.checks.filter((c) => c.kind !== "email")) expect(c.latencyMs, c.name).toBeGreaterThanOrEqual(0);
    expect(body.status).toBe("degraded");
  });

  it("says degraded, not down, while Redis is stopped, and which part failed", async () => {
    const port = redis.port;
    await redis.stop();
    try {
      const { status, body } = await health(staff.token);
      expect(status).toBe(200);
      expect(body.status).toBe("degraded");
      expect(check(body, "redis")).toMatchObject({ status: "down" });
      expect(check(body, "postgres")).toMatchObject({ status: "ok" });
      expect(check(body, "storage")).toMatchObject({ status: "ok" });
      expect(body.checks.filter((c) => c.kind === "queue").every((c) => c.status === "down")).toBe(true);
    } finally {
      redis = await startRedisServer({ port });
    }
  });
});
