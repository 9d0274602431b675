// Issue 16: managed Redis speaks TLS (rediss://) with a certificate from a private CA. The api
// and the worker, as separate processes, must connect to it (ioredis for rate limits and
// health, BullMQ for queues) given only REDIS_URL=rediss://… and REDIS_TLS_CA_FILE.
import { Redis } from "ioredis";
import { loadConfig, redisOptions } from "@atrium/config";
import { freePort } from "@atrium/db/embedded";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSpec, startService, stopAllServices, waitForApi, waitForWorker, workerSpec, createTestStack, type TestStack } from "@atrium/testing";
import { call, token, waitForJob } from "./rest.js";
import { createTestCa, startTlsRedis, type TestCa } from "./tls.js";

let ca: TestCa;
let stack: TestStack;
let redisUrl = "";

beforeAll(async () => {
  ca = createTestCa();
  const redis = await startTlsRedis(ca);
  redisUrl = `rediss://localhost:${redis.port}`;
  stack = await createTestStack({ REDIS_URL: redisUrl, REDIS_TLS_CA_FILE: ca.caFile, RATE_LIMIT_ENABLED: "true" });
}, 60_000);

afterAll(async () => {
  await stopAllServices();
  await stack?.db.drop();
  ca?.remove();
});

describe("Redis over TLS with a private CA", () => {
  it("refuses the server without the CA, and connects with it", async () => {
    const plain = new Redis(redisUrl, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    const refused = new Promise<Error>((resolve) => plain.once("error", resolve));
    void plain.connect().catch(() => undefined);
    expect((await refused).message).toMatch(/self-signed|certificate/i);
    plain.disconnect();
    const config = loadConfig({ NODE_ENV: "test", REDIS_URL: redisUrl, REDIS_TLS_CA_FILE: ca.caFile });
    const tls = new Redis(redisUrl, redisOptions(config));
    try {
      expect(await tls.ping()).toBe("PONG");
    } finally {
      tls.disconnect();
    }
  });

  it("the api and the worker run a job through BullMQ over it", async () => {
    const port = await freePort();
    const env = { ...stack.env, API_PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` };
    const api = startService(apiSpec("dev", env));
    const worker = startService(workerSpec("dev", env));
    const base = await waitForApi(api, port);
    await waitForWorker(worker);
    const ready = await call(base, "GET", "/api/readyz/");
    expect(ready.body.checks).toMatchObject({ redis: { ok: true } });
    const bearer = await token(base, "admin", "admin123");
    const started = await call(base, "POST", "/api/jobs/", bearer, { type: "noop", input: {} });
    expect(started.status).toBe(200);
    const job = await waitForJob(base, bearer, String(started.body.id));
    expect(job).toMatchObject({ status: "success" });
  }, 120_000);
});
