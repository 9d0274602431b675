import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flagService, seedBuiltInFlags, startFlagRuntime, type FlagRuntime, type ServiceContext } from "@atrium/core";
import { QUEUES } from "@atrium/core/queues";
import { schema } from "@atrium/db";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";
import { producerContext, tenant, uploadFixture } from "./analysis.test-helpers.js";

let env: TestWorkerEnv;
let svc: ServiceContext;
let closeProducers: () => Promise<void>;
let flags: FlagRuntime;
let publisher: Redis;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-extract-flag-"));
  env = await createTestWorkerEnv({ DATA_DIR: dataDir });
  await seedBuiltInFlags({ db: env.db.db });
  ({ svc, close: closeProducers } = producerContext(env));
  // The api's side: its own flag runtime, as the admin's change goes through it.
  publisher = new Redis(env.redisUrl, { maxRetriesPerRequest: 1 });
  flags = await startFlagRuntime({ db: env.db.db, redis: publisher, prefix: env.config.REDIS_PREFIX, environment: "test", logger: env.deps.logger });
  svc = { ...svc, flags };
});
afterAll(async () => {
  await flags?.close();
  publisher?.disconnect();
  await closeProducers?.();
  await env?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const docOf = async (id: string) => (await env.db.db.select().from(schema.documents).where(eq(schema.documents.id, id)))[0];

describe("document-processing in the worker", () => {
  it("skips extraction queued before the flag went off for that account, and only for it", async () => {
    const off = await tenant(svc);
    const on = await tenant(svc);
    const offDoc = await uploadFixture(svc, off.accountId, "notes.md", "text/markdown");
    const onDoc = await uploadFixture(svc, on.accountId, "notes.md", "text/markdown");
    // Turned off after the uploads (whose extraction would already be queued); the worker evaluates
    // the same table in memory (pub/sub refresh has its own tests: flag-runtime, flags-cross-process).
    await flagService.updateFlag(svc, { userId: off.actor.userId, username: "ops", isStaff: true }, { key: "document-processing", targeting: { default: true, rules: [{ match: { accountId: off.accountId }, value: false }] } });
    await env.start();
    await svc.jobs?.enqueue("document.extract", { documentId: offDoc });
    await svc.jobs?.enqueue("document.extract", { documentId: onDoc });

    const queue = svc.jobs?.queue(QUEUES.document_processing);
    await waitFor(async () => (await queue?.getJobCounts("completed"))?.completed === 2, { timeoutMs: 20_000, what: "both extractions to finish" });
    expect(await docOf(onDoc)).toMatchObject({ extractionStatus: "done" });
    expect(await docOf(offDoc)).toMatchObject({ extractionStatus: "pending", extractedText: null });
  });
});
