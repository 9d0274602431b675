import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationMatchService, applicationReadService, applicationService, creditReserve, type ServiceContext } from "@atrium/core";
import { schema } from "@atrium/db";
import { waitFor } from "../../testing.js";
import { FIXTURES, startFundedWorker, tenant, uploadFixture } from "./analysis.test-helpers.js";

// An application's résumé match, end to end through the worker: applying queues a `resume_match`
// in the employer's account, the worker runs and bills it there, and the score lands on the application.

let svc: ServiceContext;
let employer: Awaited<ReturnType<typeof tenant>>;
let stop: () => Promise<void>;

beforeAll(async () => {
  const funded = await startFundedWorker("application-match");
  ({ svc, stop } = funded);
  employer = funded.t;
});
afterAll(async () => {
  await stop?.();
});

/** A published posting of `accountId` whose job description is a text document of that account. */
async function posting(accountId: string, text: string) {
  const [jd] = await svc.db
    .insert(schema.documents)
    .values({ accountId, filename: "job.txt", mimeType: "text/plain", sizeBytes: text.length, sha256: "0".repeat(64), storageKey: `accounts/${accountId}/jd`, kind: "job_description", extractionStatus: "done", extractedText: text })
    .returning();
  const [row] = await svc.db.insert(schema.jobPostings).values({ accountId, title: "Registered Nurse", description: text, status: "published", publishedAt: new Date(), jobDescriptionDocumentId: jd?.id }).returning();
  if (!row) throw new Error("no posting");
  return row;
}

/** A candidate (their own personal account) with a résumé whose bytes are in storage and whose text is read. */
async function candidateWithResume() {
  const candidate = await tenant(svc);
  const resumeId = await uploadFixture(svc, candidate.accountId, "resume-nurse.txt", "text/plain");
  const text = await readFile(new URL("resume-nurse.txt", FIXTURES), "utf8");
  await svc.db.update(schema.documents).set({ kind: "resume", extractionStatus: "done", extractedText: text }).where(eq(schema.documents.id, resumeId));
  return { ...candidate, resumeId };
}

const jobOf = async (id: string | null) => (id ? (await svc.db.select().from(schema.jobs).where(eq(schema.jobs.id, id)))[0] : undefined);

describe("an application's résumé match", () => {
  it("runs in the worker, billed to the employer, and writes score and skills onto the application", async () => {
    const p = await posting(employer.accountId, "We are hiring a registered nurse: patient care, medication administration, triage, EHR charting.");
    const c = await candidateWithResume();
    const applied = await applicationService.applyToPosting(svc, c.actor, { postingId: p.id, resumeDocumentId: c.resumeId, coverLetter: "Hello", source: "job_board" });

    const app = await waitFor(async () => {
      const detail = await applicationReadService.getApplication(svc, employer.actor, applied.id);
      return detail.match.state === "done" || detail.match.state === "failed" ? detail : null;
    }, { timeoutMs: 30_000, what: "the match to finish" });
    expect(app.match.error).toBeNull();
    expect(app.match.state).toBe("done");
    expect(app.match.score).toBeGreaterThan(0);
    expect(app.match.matchedSkills.length + app.match.missingSkills.length).toBeGreaterThan(0);

    // The employer paid for it and owns the job (no candidate as its starter); it read the employer's copy.
    const job = await jobOf(app.match.jobId);
    expect(job).toMatchObject({ accountId: employer.accountId, type: "resume_match", status: "success", createdById: null });
    expect(job?.input).toMatchObject({ resumeDocumentId: app.resumeDocumentId, jobDescriptionDocumentId: p.jobDescriptionDocumentId });
    const debits = await svc.db.select().from(schema.ledgerEntries).where(eq(schema.ledgerEntries.relatedId, String(job?.id)));
    expect(debits.map((d) => d.accountId)).toEqual([employer.accountId]);
  });

  it("still lands the application when the employer can't pay, says why, and a recruiter re-runs it after a top-up", async () => {
    const broke = await tenant(svc);
    const p = await posting(broke.accountId, "Registered nurse wanted for patient care and triage.");
    const c = await candidateWithResume();
    const applied = await applicationService.applyToPosting(svc, c.actor, { postingId: p.id, resumeDocumentId: c.resumeId, coverLetter: "", source: "job_board" });
    expect(applied.status).toBe("applied");

    const notRun = await applicationReadService.getApplication(svc, broke.actor, applied.id);
    expect(notRun.match).toMatchObject({ state: "not_run", jobId: null, score: null });
    expect(notRun.match.error).toMatch(/^Match not run: .*balance/i);

    await creditReserve(svc.db, { accountId: broke.accountId, amountCents: 10_000, idempotencyKey: `topup:${broke.accountId}`, reason: "top-up" });
    await applicationMatchService.rerunMatch(svc, broke.actor, applied.id);
    const done = await waitFor(async () => {
      const d = await applicationReadService.getApplication(svc, broke.actor, applied.id);
      return d.match.state === "done" ? d : null;
    }, { timeoutMs: 30_000, what: "the re-run match" });
    expect(done.match.error).toBeNull();
    expect(done.match.score).not.toBeNull();
    // The re-run names the recruiter who started it (they hear how it ended).
    expect((await jobOf(done.match.jobId))?.createdById).toBe(broke.actor.userId);
  });
});
