import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditReserve, documentKey, documentService, storageFromConfig, type JobActor, type ServiceContext } from "@atrium/core";
import { QUEUES } from "@atrium/core/queues";
import { schema } from "@atrium/db";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";
import { createJob, producerContext, setComputePrice, tenant, uploadFixture, waitForStatus } from "./analysis.test-helpers.js";
import { docxBomb } from "./zip-bomb.test-helpers.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

let env: TestWorkerEnv;
let svc: ServiceContext;
let closeProducers: () => Promise<void>;
let dataDir: string;
let attacker: { accountId: string; actor: JobActor };
let victim: { accountId: string; actor: JobActor };

/** What the upload route does after streaming the bytes to storage: record the document, which queues its extraction. */
async function upload(who: typeof attacker, filename: string, bytes: Buffer): Promise<string> {
  const id = randomUUID();
  const storageKey = documentKey(who.accountId, id, filename);
  await storageFromConfig(svc.config).put(storageKey, bytes, { contentType: DOCX });
  const file = { id, accountId: who.accountId, filename, mimeType: DOCX, sizeBytes: bytes.length, sha256: "0".repeat(64), storageKey, kind: "other" as const };
  await documentService.recordUpload(svc, who.actor, file);
  return id;
}

const documentRow = async (id: string) => (await svc.db.select().from(schema.documents).where(eq(schema.documents.id, id)))[0];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-bomb-"));
  env = await createTestWorkerEnv({ DATA_DIR: dataDir, JOB_RETRY_BASE_MS: "50", ANALYZER_MAX_TEXT_CHARS: "2000" });
  ({ svc, close: closeProducers } = producerContext(env));
  await setComputePrice(svc, 1000);
  attacker = await tenant(svc);
  victim = await tenant(svc);
  for (const t of [attacker, victim]) await creditReserve(svc.db, { accountId: t.accountId, amountCents: 100_000, idempotencyKey: `seed:${t.accountId}`, reason: "seed" });
});
afterAll(async () => {
  await closeProducers?.();
  await env?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("a DOCX bomb (≈1 MB inflating to 300 MB)", () => {
  it("fails for good as too large or complex, is not retried, and the same worker goes on serving another tenant", async () => {
    await env.start();
    const bomb = docxBomb(300);
    expect(bomb.length).toBeLessThan(1024 * 1024);

    // The upload queues extraction automatically: this is the poison pill that used to kill the worker.
    const bombId = await upload(attacker, "cv.docx", bomb);
    const failed = await waitFor(async () => {
      const row = await documentRow(bombId);
      return row?.extractionStatus === "failed" ? row : null;
    }, { timeoutMs: 60_000, what: "the bomb's extraction to fail" });
    expect(failed.extractionError).toMatch(/^Document too large or complex to read: it unpacks to 300 MB \(at most 50 MB\)$/);

    // One attempt, finished: BullMQ will not hand it to another worker.
    const queues = svc.jobs;
    if (!queues) throw new Error("no queues");
    const extractJobs = (await queues.queue(QUEUES.document_processing).getJobs(["completed", "failed", "delayed", "waiting", "active"])).filter(
      (j) => j.data.documentId === bombId,
    );
    expect(extractJobs).toHaveLength(1);
    expect(await extractJobs[0]?.getState()).toBe("completed");
    expect(extractJobs[0]?.attemptsMade).toBe(1);

    // An analysis of it fails at once with the same reason, without retries.
    const analysis = await waitForStatus(svc, attacker.actor, (await createJob(svc, attacker.actor, "document_analysis", { documentId: bombId })).id, ["success", "failed"], 60_000);
    expect(analysis).toMatchObject({ status: "failed", attempts: 1 });
    expect(analysis.error).toMatch(/^Could not read the text of cv\.docx: Document too large or complex to read/);

    // Another tenant's small job, on the very same worker, still completes.
    const small = await uploadFixture(svc, victim.accountId, "job-description.docx", DOCX);
    const ok = await waitForStatus(svc, victim.actor, (await createJob(svc, victim.actor, "document_analysis", { documentId: small })).id, ["success", "failed"], 60_000);
    expect(ok.status, ok.error ?? "").toBe("success");
    expect(ok.result?.textCap).toMatchObject({ truncated: false });
  }, 120_000);

  it("analyses only the first ANALYZER_MAX_TEXT_CHARS of a long document, and the result says so", async () => {
    const id = randomUUID();
    const text = "Jane Doe builds TypeScript services and reduced costs by 20 percent. ".repeat(100);
    await svc.db.insert(schema.documents).values({ id, accountId: victim.accountId, filename: "long.txt", mimeType: "text/plain", sizeBytes: text.length, sha256: "0".repeat(64), storageKey: `test/${id}`, extractionStatus: "done", extractedText: text });
    const job = await waitForStatus(svc, victim.actor, (await createJob(svc, victim.actor, "document_analysis", { documentId: id })).id, ["success", "failed"], 60_000);
    expect(job.status, job.error ?? "").toBe("success");
    expect(job.result?.textCap).toMatchObject({ totalChars: text.length, truncated: true });
    expect((job.result?.textCap as { analyzedChars: number }).analyzedChars).toBeLessThanOrEqual(2000);
    expect((job.result?.textCap as { analyzedChars: number }).analyzedChars).toBeGreaterThan(1800);
  }, 120_000);
});
