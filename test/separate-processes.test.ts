// Issue 9: the api and the worker as `npm start` runs them — separate OS processes, each in
// its own package folder — must agree on where files live. Before the config loader anchored
// DATA_DIR at the repository root, the api wrote under apps/api/.data and the worker looked
// under apps/worker/.data: every document job failed with StorageNotFoundError.
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { freePort } from "@atrium/db/embedded";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, apiSpec, startService, stopAllServices, waitForApi, waitForWorker, workerSpec, createTestStack, type TestStack } from "@atrium/testing";
import { call, fixture, token, uploadFile, waitForJob } from "./rest.js";

const dataDir = `.data/test-${randomBytes(4).toString("hex")}`;
let stack: TestStack;
let base = "";

beforeAll(async () => {
  const port = await freePort();
  // Relative on purpose: exactly what `.env.example` and the defaults give a newcomer.
  stack = await createTestStack({ DATA_DIR: dataDir, API_PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, RATE_LIMIT_ENABLED: "false", JOB_RETRY_BASE_MS: "50" });
  const api = startService(apiSpec("dev", stack.env));
  const worker = startService(workerSpec("dev", stack.env));
  base = await waitForApi(api, port);
  await waitForWorker(worker);
}, 120_000);

afterAll(async () => {
  await stopAllServices();
  await stack?.db.drop();
  for (const dir of [ROOT, path.join(ROOT, "apps/api"), path.join(ROOT, "apps/worker")]) rmSync(path.join(dir, dataDir), { recursive: true, force: true });
});

describe("api and worker as separate processes (dev, tsx, cwd = their package folder)", () => {
  it("uploads a PDF over REST and the worker analyses it: one storage for both", async () => {
    const bearer = await token(base, "admin", "admin123");
    // Jobs cost money and new tenants are on `block`: staff credit the tenant first, as an operator would.
    const balance = await call(base, "GET", "/api/billing/reserve/balance/", bearer);
    const credited = await call(base, "POST", "/api/billing/admin/reserve/adjust/", bearer, { tenantId: balance.body.accountId, amountCents: 500, reason: "separate-process story" });
    expect(credited.status).toBe(200);
    const uploaded = await uploadFile(base, bearer, "cv.pdf", fixture("resume.pdf"), { kind: "resume" });
    expect(uploaded.status).toBe(201);
    const started = await call(base, "POST", "/api/jobs/", bearer, { type: "document_analysis", input: { documentId: uploaded.body.id } });
    expect(started.status).toBe(200);
    const job = await waitForJob(base, bearer, String(started.body.id));
    expect(job).toMatchObject({ status: "success", error: null });
    // The job was charged what it was estimated at, once.
    const after = await call(base, "GET", "/api/billing/reserve/balance/", bearer);
    expect(Number(job?.costCents)).toBeGreaterThan(0);
    expect(after.body.balanceCents).toBe(500 - Number(job?.costCents));
    // One place, at the repository root, whatever the working directory of each process.
    expect(existsSync(path.join(ROOT, dataDir, "storage"))).toBe(true);
    expect(existsSync(path.join(ROOT, "apps/api", dataDir))).toBe(false);
  });
});
