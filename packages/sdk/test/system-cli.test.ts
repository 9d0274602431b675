import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeHeartbeat } from "@atrium/core/system";
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-system-cli-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false", DATA_DIR: path.join(dir, "data") });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], stdin?: string) => runAtrium(path.join(dir, "config.json"), args, { stdin });

describe("atrium system health", () => {
  it("prints every check and exits 1 while something is not ok, 0 once all are", async () => {
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    // No worker yet: degraded, and the table says which row.
    const degraded = await atrium(["system", "health"]);
    expect(degraded.code).toBe(1);
    expect(degraded.stdout).toMatch(/Overall: DEGRADED/);
    expect(degraded.stdout).toMatch(/postgres\s+postgres\s+ok\s+\d+ ms/);
    expect(degraded.stdout).toMatch(/worker\s+workers\s+DOWN\s+\d+ ms\s+no live worker/);
    expect(degraded.stderr).toMatch(/system is degraded/);

    const now = new Date().toISOString();
    await writeHeartbeat(api.deps.redis, api.deps.config.REDIS_PREFIX, { id: "w-cli", hostname: "h", pid: 1, startedAt: now, lastSeenAt: now, queues: ["maintenance", "notifications", "document_processing", "ai_analysis"] }, 60);
    const ok = await atrium(["system", "health", "--json"]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: "ok", checks: expect.arrayContaining([expect.objectContaining({ kind: "worker", name: "w-cli", status: "ok" })]) });
  });

  it("is refused for someone who isn't staff", async () => {
    const res = await atrium(["system", "health", "--token", "not-a-real-token"]);
    expect(res.code).not.toBe(0);
  });
});
