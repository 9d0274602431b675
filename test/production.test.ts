// The production path, as an operator runs it: `pnpm build`, `npm run migrate` (several replicas
// at once), `npm run start:api` — compiled entry points, NODE_ENV=production, no tsx — serving the
// SPA and the api on one origin, refusing development secrets, and draining on SIGTERM.
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { readdirSync } from "node:fs";
import path from "node:path";
import { freePort } from "@atrium/db/embedded";
import { testInfraUrls, testRedisPrefix } from "@atrium/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, apiSpec, assertBuilt, healthcheckSpec, migrateSpec, waitForWorker, startService, stopAllServices, waitForApi, workerSpec, type Service, createEmptyDatabase } from "@atrium/testing";
import { call, fixture, token } from "./rest.js";

const ADMIN_PASSWORD = `admin-${randomBytes(6).toString("hex")}`;
let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
let env: Record<string, string>;

beforeAll(async () => {
  assertBuilt();
  db = await createEmptyDatabase();
  const { redisUrl } = testInfraUrls();
  env = {
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: testRedisPrefix(),
    SESSION_SECRET: randomBytes(32).toString("hex"),
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: "info",
  };
});
afterAll(async () => {
  await stopAllServices();
  await db?.drop();
});

const exitOf = (s: Service) => s.exited;

describe("production refuses the development secrets", () => {
  it("api, worker and migrate exit 1 naming SESSION_SECRET and BOOTSTRAP_ADMIN_PASSWORD", async () => {
    const defaults = { DATABASE_URL: env.DATABASE_URL ?? "", REDIS_URL: env.REDIS_URL ?? "" };
    const runs = [startService(apiSpec("prod", defaults)), startService(workerSpec("prod", defaults)), startService(migrateSpec(defaults))];
    const codes = await Promise.all(runs.map(exitOf));
    expect(codes).toEqual([1, 1, 1]);
    for (const run of runs) expect(run.output()).toMatch(/SESSION_SECRET[\s\S]*BOOTSTRAP_ADMIN_PASSWORD/);
  });
});

describe("npm run migrate, then npm run start:api", () => {
  let api: Service;
  let base = "";
  let port = 0;

  it("three replicas migrate one empty database at once, all exiting 0", async () => {
    const runs = [1, 2, 3].map((i) => startService(migrateSpec(env, `migrate-${i}`)));
    const codes = await Promise.all(runs.map(exitOf));
    expect(codes, runs.map((r) => r.output()).join("\n")).toEqual([0, 0, 0]);
  });

  it("starts the compiled api in production mode and logs in with the real admin password", async () => {
    port = await freePort();
    api = startService(apiSpec("prod", { ...env, API_PORT: String(port), SHUTDOWN_TIMEOUT_MS: "10000" }));
    base = await waitForApi(api, port);
    expect(api.output()).toContain('"env":"production"');
    expect(await token(base, "admin", ADMIN_PASSWORD)).toMatch(/\w{20,}/);
    expect((await call(base, "POST", "/api/auth/token/", undefined, { username: "admin", password: "admin123" })).status).toBe(401);
    expect(await startService(healthcheckSpec("api", { ...env, API_PORT: String(port) })).exited).toBe(0);
  });

  it("starts the compiled worker; its container healthcheck passes while it runs, fails once it stopped", async () => {
    const worker = startService(workerSpec("prod", env));
    await waitForWorker(worker);
    expect(await startService(healthcheckSpec("worker", env)).exited).toBe(0);
    expect(await worker.stop("SIGTERM")).toBe(0);
    expect(await startService(healthcheckSpec("worker", env)).exited).toBe(1);
  });

  it("serves the SPA on the same origin: index revalidated, hashed assets cached for a year, no source maps", async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get("cache-control")).toBe("no-cache");
    const html = await index.text();
    expect(html).toContain('<div id="root">');
    const asset = html.match(/\/assets\/[\w.-]+\.js/)?.[0] ?? "";
    const js = await fetch(`${base}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await js.text()).not.toContain("sourceMappingURL");
    const map = readdirSync(path.join(ROOT, "apps/web/dist/assets")).find((f) => f.endsWith(".map"));
    expect(map).toBeDefined();
    expect((await fetch(`${base}/assets/${map}`)).status).toBe(404);
  });

  it("falls back to index.html for client routes, never for /api, /trpc or a missing asset", async () => {
    const route = await fetch(`${base}/jobs/123`);
    expect(route.status).toBe(200);
    expect(route.headers.get("content-type")).toMatch(/text\/html/);
    const missingApi = await fetch(`${base}/api/no-such-route/`);
    expect(missingApi.status).toBe(404);
    expect(await missingApi.json()).toMatchObject({ code: "NOT_FOUND" });
    expect((await fetch(`${base}/trpc/no.such.procedure`)).headers.get("content-type")).toMatch(/json/);
    expect((await fetch(`${base}/assets/gone-0000.js`)).status).toBe(404);
    const health = await fetch(`${base}/api/healthz/`);
    expect(health.headers.get("content-type")).toMatch(/json/);
  });

  it("on SIGTERM stops accepting, finishes the upload in flight, closes its pools and exits 0", async () => {
    const bearer = await token(base, "admin", ADMIN_PASSWORD);
    const pdf = fixture("resume.pdf");
    const boundary = "----atrium-shutdown";
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const req = request({
      host: "127.0.0.1",
      port,
      path: "/api/documents/",
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": head.length + pdf.length + tail.length },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on("response", (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
    });
    // Half the file is on the wire when the signal arrives.
    req.write(head);
    req.write(pdf.subarray(0, pdf.length >> 1));
    await new Promise((r) => setTimeout(r, 300));
    const exit = api.stop("SIGTERM", 20_000);
    // New connections are refused once the listener is closed...
    await expect.poll(() => fetch(`${base}/api/healthz/`).then(() => "accepted", () => "refused"), { timeout: 5000 }).toBe("refused");
    // ...while the request already in flight still completes.
    req.write(pdf.subarray(pdf.length >> 1));
    req.end(tail);
    const res = await answered;
    expect(res.status, res.body).toBe(201);
    expect(await exit).toBe(0);
    expect(api.output()).toContain("api stopped");
  });
});
