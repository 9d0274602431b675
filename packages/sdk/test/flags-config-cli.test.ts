import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { createClient, flags, isFlagOn } from "../src/index.js";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-flags-cli-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false", DATA_DIR: path.join(dir, "data") });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}) => runAtrium(path.join(dir, "config.json"), args, opts);

describe("atrium flags", () => {
  it("lists the flags, sets a default and a targeting, and the SDK's flags() sees them", async () => {
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], { stdin: "admin123\n" })).code).toBe(0);
    const list = await atrium(["flags", "list"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/ai-analysis\s+boolean\s+true\s+0\s+-/);

    expect((await atrium(["flags", "set", "messaging", "false"])).code).toBe(0);
    const login = await fetch(`${api.url}/api/auth/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: "admin123" }) });
    const client = createClient({ baseUrl: api.url, token: ((await login.json()) as { token: string }).token });
    expect(await flags(client)).toMatchObject({ messaging: false, "ai-analysis": true });

    const rollout = JSON.stringify({ default: false, rules: [], rollout: { percentage: 100, value: true } });
    expect((await atrium(["flags", "set", "messaging", "--targeting", rollout])).code).toBe(0);
    expect(await isFlagOn(client, "messaging")).toBe(true);

    // The api's validation comes back as the error: a string where a boolean belongs.
    const bad = await atrium(["flags", "set", "recruiting", '"sometimes"']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/targeting\.default.*boolean/);
  });
});

describe("atrium config check", () => {
  it("prints the effective configuration with secrets redacted and exits 0 when all is well", async () => {
    const res = await atrium(["config", "check"], { env: { NODE_ENV: "development", SESSION_SECRET: "a-very-secret-session-key-of-40-chars!!", DATABASE_URL: "postgres://atrium:hunter2@db.internal/atrium" } });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Environment: development/);
    expect(res.stdout).toMatch(/DATABASE_URL\s+postgres:\/\/atrium:\[redacted\]@db\.internal\/atrium/);
    expect(res.stdout).not.toMatch(/hunter2|a-very-secret/);
  });

  it("lists every problem at once and exits 1", async () => {
    const res = await atrium(["config", "check"], { env: { ATRIUM_ENV: "production", API_PORT: "many", LOG_LEVEL: "debug" } });
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/problem: API_PORT/);
    expect(res.stdout).toMatch(/problem: SESSION_SECRET/);
    expect(res.stdout).toMatch(/problem: BOOTSTRAP_ADMIN_PASSWORD/);
    expect(res.stdout).toMatch(/problem: LOG_LEVEL/);
    expect(res.stderr).toMatch(/4 configuration problems/);
  });

  it("--remote shows staff what the api runs with", async () => {
    const res = await atrium(["config", "check", "--remote", "--json"]);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout) as { environment: string; entries: Array<{ name: string; value: string | null }> };
    expect(report.environment).toBe("test");
    expect(report.entries.find((e) => e.name === "SESSION_SECRET")?.value).toBe("[redacted]");
  });
});
