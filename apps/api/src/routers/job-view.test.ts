// Issue 10 item 10: jobs read with names (documents, account), and a failure's internal cause
// reaches staff only — a tenant's own owner gets the user-safe message and errorCause null, on both surfaces.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TJob, TJobPage } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { billingTenant } from "./billing.test-helpers.js";
import { jobRoutes as R, textDocument } from "./job.test-helpers.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

const CAUSE = "TypeError: Cannot read properties of undefined (reading 'tokens') at /srv/worker/analyzer.js:42";
const SAFE = "Something went wrong on our side while running this job.";

let api: TestApi;
let t: Awaited<ReturnType<typeof billingTenant>>;
let staff: TestUser;
let jobId: string;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  t = await billingTenant(api, "jv", ["viewer"]);
  staff = await newUser(api, "jv-staff", { isStaff: true });
  const resume = await textDocument(api.svc.db, t.account.id, "Nora builds TypeScript services.", "resume");
  const jd = await textDocument(api.svc.db, t.account.id, "We need TypeScript and Kubernetes.", "job_description");
  await api.svc.db.update(schema.documents).set({ filename: "nora-cv.pdf" }).where(eq(schema.documents.id, resume));
  // The job description was deleted after the run: the job still lists it, as a deleted document.
  await api.svc.db.update(schema.documents).set({ deletedAt: new Date() }).where(eq(schema.documents.id, jd));
  const [job] = await api.svc.db
    .insert(schema.jobs)
    .values({ accountId: t.account.id, createdById: t.owner.user.id, type: "resume_match", status: "failed", input: { resumeDocumentId: resume, jobDescriptionDocumentId: jd }, error: SAFE, errorCause: CAUSE, finishedAt: new Date() })
    .returning();
  if (!job) throw new Error("no job");
  jobId = job.id;
});
afterAll(async () => {
  await api?.close();
});

const transports: Transport[] = ["rest", "trpc"];

describe.each(transports)("job reads over %s", (transport) => {
  it("name the documents (a deleted one as null) and the account", async () => {
    const job = (await call(api.url, transport, R.get, { id: jobId }, bearer(t.owner.token))).data as TJob;
    expect(job.documents).toEqual([
      { id: expect.any(String), role: "resume", filename: "nora-cv.pdf" },
      { id: expect.any(String), role: "job_description", filename: null },
    ]);
    expect(job.accountName).toBe(`${t.account.name}`);
  });

  it("never give a tenant's users the failure's internal cause, only the helpful message", async () => {
    for (const user of [t.owner, t.members.viewer]) {
      if (!user) throw new Error("no viewer");
      const one = await call(api.url, transport, R.get, { id: jobId }, bearer(user.token));
      expect(one.data).toMatchObject({ status: "failed", error: SAFE, errorCause: null });
      const page = (await call(api.url, transport, R.list, { limit: 10 }, bearer(user.token))).data as TJobPage;
      expect(page.items.find((j) => j.id === jobId)).toMatchObject({ error: SAFE, errorCause: null });
      const events = await call(api.url, transport, R.events, { id: jobId }, bearer(user.token));
      expect(JSON.stringify([one.data, page, events.data])).not.toContain("TypeError");
    }
  });

  it("give staff the cause on the job read and in the admin list, with account names", async () => {
    const one = (await call(api.url, transport, R.get, { id: jobId }, bearer(staff.token))).data as TJob;
    expect(one).toMatchObject({ error: SAFE, errorCause: CAUSE });
    const all = (await call(api.url, transport, R.systemJobs, { limit: 100 }, bearer(staff.token))).data as TJobPage;
    expect(all.items.find((j) => j.id === jobId)).toMatchObject({ errorCause: CAUSE, accountName: t.account.name });
  });
});

it("staff retry clears the cause with the error", async () => {
  const retried = (await call(api.url, "trpc", R.retry, { id: jobId }, bearer(staff.token))).data as TJob;
  expect(retried).toMatchObject({ status: "queued", error: null, errorCause: null });
});

it("names no document of another account, whatever id a job's input holds", async () => {
  const other = await billingTenant(api, "jv-other");
  const theirs = await textDocument(api.svc.db, other.account.id, "Someone else's secret plan.", "other");
  const [job] = await api.svc.db.insert(schema.jobs).values({ accountId: t.account.id, type: "document_analysis", status: "failed", input: { documentId: theirs }, error: SAFE }).returning();
  const read = (await call(api.url, "rest", R.get, { id: job?.id }, bearer(t.owner.token))).data as TJob;
  expect(read.documents).toEqual([{ id: theirs, role: "document", filename: null }]);
});
