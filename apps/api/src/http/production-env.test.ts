import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createLogger, DEV_STRIPE_WEBHOOK_SECRET, loadConfig } from "@atrium/config";
import { bootstrap, DEFAULT_ACCOUNT, stripeBillingService } from "@atrium/core";
import { schema } from "@atrium/db";
import { createTestDatabase, testInfraUrls, testRedisPrefix, type TestDatabase } from "@atrium/db/testing";
import { checkoutCompleted } from "./routes/billing.test-helpers.js";

// The api as `npm run start:api` would run it, but with NODE_ENV unset: it must fail closed.
const API_DIR = fileURLToPath(new URL("../..", import.meta.url));

let proc: ChildProcess | undefined;
let db: TestDatabase | undefined;
afterEach(async () => {
  if (proc && proc.exitCode === null) {
    const exited = new Promise((r) => proc?.once("exit", r));
    proc.kill("SIGTERM");
    await exited;
  }
  proc = undefined;
  await db?.drop();
  db = undefined;
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** Starts apps/api/src/main.ts with exactly `env` plus PATH: no NODE_ENV unless given. */
function startApi(env: Record<string, string>) {
  let output = "";
  proc = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: API_DIR, env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env } });
  proc.stdout?.on("data", (b: Buffer) => (output += b.toString()));
  proc.stderr?.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((r) => proc?.once("exit", (code) => r(code)));
  return { exited, output: () => output };
}

async function waitForHealth(url: string, exited: Promise<unknown>, output: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 300 && !gone; i++) {
    const ok = await fetch(`${url}/api/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`api did not come up:\n${output()}`);
}

describe("the api process with NODE_ENV unset", () => {
  it("refuses to start on the development session secret and admin password", async () => {
    const { pgAdminUrl, redisUrl } = testInfraUrls();
    db = await createTestDatabase(pgAdminUrl);
    const { exited, output } = startApi({ DATABASE_URL: db.url, REDIS_URL: redisUrl, API_PORT: String(await freePort()) });
    expect(await exited).not.toBe(0);
    expect(output()).toMatch(/SESSION_SECRET/);
    expect(output()).toMatch(/BOOTSTRAP_ADMIN_PASSWORD/);
    expect(output()).toMatch(/NODE_ENV: unset/);
  });

  it("with real secrets, refuses webhooks signed with the public development secret (no free credit)", async () => {
    const { pgAdminUrl, redisUrl } = testInfraUrls();
    db = await createTestDatabase(pgAdminUrl);
    const secrets = { SESSION_SECRET: "p".repeat(48), BOOTSTRAP_ADMIN_PASSWORD: "a-long-production-password" };
    const config = loadConfig({ ...secrets, DATABASE_URL: db.url, LOG_LEVEL: "silent" });
    await bootstrap({ db: db.db, config, logger: createLogger(config, "test"), now: () => new Date() });
    const [account] = await db.db.select().from(schema.accounts).where(eq(schema.accounts.slug, DEFAULT_ACCOUNT.slug));
    if (!account) throw new Error("no default account");

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const { exited, output } = startApi({ ...secrets, DATABASE_URL: db.url, REDIS_URL: redisUrl, REDIS_PREFIX: testRedisPrefix(), API_PORT: String(port) });
    await waitForHealth(url, exited, output);

    // What anyone could do before: sign a top-up with the secret printed in .env.example.
    const payload = JSON.stringify(checkoutCompleted(account.id, 1_000_000));
    const res = await fetch(`${url}/api/billing/webhook/`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": stripeBillingService.signWebhookPayload(payload, DEV_STRIPE_WEBHOOK_SECRET) },
      body: payload,
    });
    expect(res.status).toBe(503);
    const [reserve] = await db.db.select().from(schema.reserves).where(eq(schema.reserves.accountId, account.id));
    expect(reserve?.balanceCents ?? 0).toBe(0);
    // Nor is the local checkout (which mints such events) offered.
    const page = await fetch(`${url}/api/billing/local-checkout/cs_local_anything`);
    expect(page.status).toBe(404);
  });
});
