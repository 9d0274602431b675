// Issue 10 item 5: with the default price table and the free local analyzer, a job still costs real money,
// and what the "Run analysis" dialog estimated is exactly what the ledger debits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocument, jobService, storageFromConfig, type JobActor, type ServiceContext } from "@atrium/core";
import { createJob, debitsOf, startFundedWorker, uploadFixture, waitForStatus } from "./analysis.test-helpers.js";

let svc: ServiceContext;
let t: { accountId: string; actor: JobActor };
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ svc, t, stop } = await startFundedWorker("prices"));
});
afterAll(async () => {
  await stop?.();
});

describe("default prices with the local analyzer", () => {
  it("a résumé match costs a few cents, and the estimate equals the debit", async () => {
    const resumeDocumentId = await uploadFixture(svc, t.accountId, "resume.pdf", "application/pdf");
    const jobDescriptionDocumentId = await uploadFixture(svc, t.accountId, "job-description.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    // Extracted first, as the upload's extract job leaves them: the estimate then counts the very characters the run reads.
    for (const id of [resumeDocumentId, jobDescriptionDocumentId]) expect((await extractDocument(svc, storageFromConfig(svc.config), id)).status).toBe("done");

    const estimate = await jobService.estimateJob(svc, t.actor, { type: "resume_match", resumeDocumentId, jobDescriptionDocumentId });
    expect(estimate.model).toBe("local");
    expect(estimate.estimatedCents).toBeGreaterThan(0);
    expect(estimate.estimatedCents).toBeLessThan(100);

    const created = await createJob(svc, t.actor, "resume_match", { resumeDocumentId, jobDescriptionDocumentId });
    expect(created.estimatedCostCents).toBe(estimate.estimatedCents);
    const job = await waitForStatus(svc, t.actor, created.id, ["success", "failed"]);
    expect(job.status, job.error ?? "").toBe("success");
    expect(job.costCents).toBe(estimate.estimatedCents);
    const debits = await debitsOf(svc, job.id);
    expect(debits.map((d) => d.amountCents)).toEqual([-estimate.estimatedCents]);
    expect(job.result?.lineItems).toEqual(expect.arrayContaining([expect.objectContaining({ item: "compute:resume_match", unit: "1K characters read" })]));
  });
});
