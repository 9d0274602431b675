import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listHeartbeats } from "@atrium/core/system";
import { freePort } from "@atrium/db/embedded";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "./testing.js";

const appDir = fileURLToPath(new URL("..", import.meta.url));
// tsx as a loader in one node process, not its CLI: the CLI relays SIGTERM to a child and SIGKILLs it when the
// child doesn't acknowledge within 30 ms (a loaded machine, files running side by side), exiting 143.
const tsx = (...args: string[]) => [process.execPath, ["--import", "tsx", ...args]] as const;

let env: TestWorkerEnv;
let child: ChildProcess | undefined;
beforeAll(async () => {
  env = await createTestWorkerEnv();
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await env?.close();
});

function exitOf(proc: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => proc.once("exit", (code, signal) => resolve({ code, signal })));
}

describe("worker process", () => {
  it("serves health on WORKER_HTTP_PORT, exits 0 on SIGTERM and removes its heartbeat", async () => {
    const prefix = env.config.REDIS_PREFIX;
    const port = await freePort();
    let output = "";
    child = spawn(...tsx("src/main.ts"), {
      cwd: appDir,
      env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "info", DATABASE_URL: env.db.url, REDIS_URL: env.redisUrl, REDIS_PREFIX: prefix, WORKER_HTTP_PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    const exited = exitOf(child);

    await waitFor(async () => (await listHeartbeats(env.redis, prefix)).length === 1, { timeoutMs: 20_000, what: () => `a heartbeat from the child; output:\n${output}` });
    const ready = await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.status === 200, { what: () => `/readyz on ${port}; output:\n${output}` });
    expect(ready).toBe(true);
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain("atrium_queue_jobs");

    const killedAt = Date.now();
    child.kill("SIGTERM");
    const result = await Promise.race([exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit within 5 s; output:\n${output}`)), 5000))]);
    expect(result, output).toEqual({ code: 0, signal: null });
    expect(Date.now() - killedAt).toBeLessThan(5000);
    expect(await listHeartbeats(env.redis, prefix)).toEqual([]);
    expect(output).toMatch(/worker stopped/);
  });

  it("refuses to start without DATABASE_URL and REDIS_URL, saying why", async () => {
    const { DATABASE_URL: _d, REDIS_URL: _r, ...rest } = process.env;
    const proc = spawn(...tsx("src/main.ts"), { cwd: appDir, env: { ...rest, NODE_ENV: "test" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    proc.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    proc.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    const { code } = await exitOf(proc);
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL and REDIS_URL are required/);
  });
});
