// Issue 15 (analysis additions): a résumé document becomes a structured profile, as a priced job with a timeline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocument, jobService, storageFromConfig, ZResumeProfile, type JobActor, type ServiceContext } from "@atrium/core";
import { createJob, debitsOf, eventsOf, startFundedWorker, uploadFixture, waitForStatus } from "./analysis.test-helpers.js";

let svc: ServiceContext;
let t: { accountId: string; actor: JobActor };
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ svc, t, stop } = await startFundedWorker("parse"));
});
afterAll(async () => {
  await stop?.();
});

describe("resume_parse with the local analyzer", () => {
  it("turns a résumé into a profile (contact, jobs with dates and bullets, school, vocabulary skills plus the résumé's own phrases), priced as estimated", async () => {
    const documentId = await uploadFixture(svc, t.accountId, "resume-nurse.txt", "text/plain");
    expect((await extractDocument(svc, storageFromConfig(svc.config), documentId)).status).toBe("done");
    const estimate = await jobService.estimateJob(svc, t.actor, { type: "resume_parse", documentId });
    expect(estimate.estimatedCents).toBeGreaterThan(0);

    const created = await createJob(svc, t.actor, "resume_parse", { documentId });
    const job = await waitForStatus(svc, t.actor, created.id, ["success", "failed"]);
    expect(job.status, job.error ?? "").toBe("success");

    const profile = ZResumeProfile.parse(job.result);
    expect(profile.contact).toEqual({ name: "Jane Doe", email: "jane.doe@example.com", phone: "+1 (206) 555-0142", location: "Seattle", links: ["linkedin.com/in/janedoe"] });
    expect(profile.experience.map((e) => [e.title, e.employer, e.start, e.end, e.highlights.length])).toEqual([
      ["Charge Nurse", "Harborview Medical Center", "2021", "Present", 2],
      ["Staff Nurse", "Swedish Hospital", "Jun 2018", "Dec 2020", 1],
    ]);
    expect(profile.education).toEqual([{ school: "University of Washington", degree: "BSN", start: "2014", end: "2018" }]);
    // From the vocabulary by canonical name ("ACLS"), and the résumé's own noun phrases no list names.
    expect(profile.skillSources?.vocabulary).toEqual(expect.arrayContaining(["BLS", "ACLS", "Wound Care"]));
    expect(profile.skillSources?.phrases).toEqual(expect.arrayContaining(["Patient education", "discharge planning", "telemetry monitoring"]));
    expect(profile.skills).toEqual(expect.arrayContaining(["ACLS", "telemetry monitoring"]));

    const steps = (await eventsOf(svc, t.actor, job.id)).filter((e) => e.type === "step").map((e) => e.data.step);
    expect(steps).toEqual(["extract_text", "parse_resume"]);
    expect(job.costCents).toBe(estimate.estimatedCents);
    expect((await debitsOf(svc, job.id)).map((d) => d.amountCents)).toEqual([-estimate.estimatedCents]);
    expect(job.result?.lineItems).toEqual(expect.arrayContaining([expect.objectContaining({ item: "compute:resume_parse", unit: "1K characters read" })]));
  });

  it("refuses an input without a document id, naming the field", async () => {
    await expect(createJob(svc, t.actor, "resume_parse", {})).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { "input.documentId": ["documentId must be a document id"] } });
  });
});
