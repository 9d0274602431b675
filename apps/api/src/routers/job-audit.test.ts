import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemJobsService, type TJob } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call } from "../test-transports.js";
import { billingTenant } from "./billing.test-helpers.js";
import { jobRoutes as R, textDocument } from "./job.test-helpers.js";
import { newUser } from "./tenancy.test-helpers.js";

// Job create, cancel and staff retry are audited by their services, in the change's own transaction.
let api: TestApi;
let t: Awaited<ReturnType<typeof billingTenant>>;
let doc: string;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  t = await billingTenant(api, "jaud");
  await t.owner.call.billing.updateProfile({ lowBalancePolicy: "warn" });
  doc = await textDocument(api.svc.db, t.account.id, "Jane Doe builds TypeScript services.");
});
afterAll(async () => {
  await api?.close();
});

const auditOf = (jobId: string) =>
  api.svc.db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.targetType, "job"), eq(schema.auditEvents.targetId, jobId)))
    .orderBy(asc(schema.auditEvents.occurredAt), asc(schema.auditEvents.id));

const ua = { "user-agent": "job-audit-test/1.0" };

describe("job audit rows", () => {
  it("keeps a hostile user agent a value: admission writes it verbatim (its statements travel with values inlined)", async () => {
    const hostile = `x'); delete from jobs; -- \\' E'\\\\' $$ \u00e9 "q"`;
    const created = await call(api.url, "rest", R.create, { type: "document_analysis", input: { documentId: doc } }, { ...bearer(t.owner.token), "user-agent": hostile });
    expect(created.status).toBe(200);
    const [row] = await auditOf((created.data as TJob).id);
    expect(row?.userAgent).toBe(hostile);
    expect((await api.svc.db.select({ id: schema.jobs.id }).from(schema.jobs).where(eq(schema.jobs.id, (created.data as TJob).id))).length).toBe(1);
  });


  it("records create, cancel and staff retry with who, which account, the request's client and what changed", async () => {
    const staff = await newUser(api, `staff-jaud`, { isStaff: true });
    const created = await call(api.url, "rest", R.create, { type: "document_analysis", input: { documentId: doc } }, { ...bearer(t.owner.token), ...ua });
    expect(created.status).toBe(200);
    const job = created.data as TJob;
    expect((await call(api.url, "rest", R.cancel, { id: job.id }, { ...bearer(t.owner.token), ...ua })).status).toBe(200);
    expect((await call(api.url, "trpc", R.retry, { id: job.id }, { ...bearer(staff.token), ...ua })).status).toBe(200);

    const rows = await auditOf(job.id);
    expect(rows.map((r) => [r.eventType, r.actorId, r.accountId])).toEqual([
      ["job.created", t.owner.user.id, t.account.id],
      ["job.cancelled", t.owner.user.id, t.account.id],
      ["job.retried", staff.user.id, t.account.id],
    ]);
    expect(rows.every((r) => r.userAgent === "job-audit-test/1.0")).toBe(true);
    expect(rows[0]?.details).toMatchObject({ type: "document_analysis", estimatedCents: job.estimatedCostCents });
    expect(rows[2]?.details).toMatchObject({ type: "document_analysis", previousStatus: "cancelled" });
  });

  it("records a cancel request on a running job once, however often it is asked", async () => {
    const job = (await call(api.url, "rest", R.create, { type: "document_analysis", input: { documentId: doc } }, bearer(t.owner.token))).data as TJob;
    await api.svc.db.update(schema.jobs).set({ status: "running" }).where(eq(schema.jobs.id, job.id));
    for (let i = 0; i < 2; i++) expect((await call(api.url, "rest", R.cancel, { id: job.id }, bearer(t.owner.token))).status).toBe(200);
    expect((await auditOf(job.id)).map((r) => r.eventType)).toEqual(["job.created", "job.cancel_requested"]);
  });

  it("writes nothing when the change is refused: a finished job's cancel, a non-staff retry (checked by the service itself)", async () => {
    const job = (await call(api.url, "rest", R.create, { type: "document_analysis", input: { documentId: doc } }, bearer(t.owner.token))).data as TJob;
    await api.svc.db.update(schema.jobs).set({ status: "success" }).where(eq(schema.jobs.id, job.id));
    expect((await call(api.url, "rest", R.cancel, { id: job.id }, bearer(t.owner.token))).status).toBe(409);
    await api.svc.db.update(schema.jobs).set({ status: "failed" }).where(eq(schema.jobs.id, job.id));
    const owner = { userId: t.owner.user.id, username: t.owner.user.username, isStaff: false };
    await expect(systemJobsService.retryJob(api.svc, owner, job.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await auditOf(job.id)).map((r) => r.eventType)).toEqual(["job.created"]);
    const [row] = await api.svc.db.select({ status: schema.jobs.status }).from(schema.jobs).where(eq(schema.jobs.id, job.id));
    expect(row?.status).toBe("failed");
  });
});
