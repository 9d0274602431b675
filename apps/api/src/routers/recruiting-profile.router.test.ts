// Issue 15 (candidate portal): a candidate's own profile over both transports: read, bounded updates, "fill from résumé".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { creditReserve } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { textDocument } from "./job.test-helpers.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

const routes = {
  get: { method: "GET", rest: "/api/recruiting/profile/", trpc: "recruiting.profile.get", kind: "query" },
  update: { method: "PATCH", rest: "/api/recruiting/profile/", trpc: "recruiting.profile.update", kind: "mutation" },
  parse: { method: "POST", rest: "/api/recruiting/profile/parse/", trpc: "recruiting.profile.parse", kind: "mutation" },
} as const;

let api: TestApi;
let n = 0;

/** A signed-up person with their own (personal) account holding $10, like a candidate after signup. */
async function candidate(): Promise<TestUser & { accountId: string }> {
  const u = await newUser(api, `cand-${++n}`);
  const account = await u.call.accounts.create({ name: `Cand ${n}` });
  await creditReserve(api.svc.db, { accountId: account.id, amountCents: 1_000, idempotencyKey: `seed:${account.id}`, reason: "seed" });
  return { ...u, accountId: account.id };
}

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
});
afterAll(async () => {
  await api.close();
});

describe.each<Transport>(["rest", "trpc"])("candidate profile over %s", (transport) => {
  it("is empty until saved, then keeps what the candidate wrote (audited)", async () => {
    const me = await candidate();
    const empty = await call(api.url, transport, routes.get, undefined, bearer(me.token));
    expect(empty.status).toBe(200);
    expect(empty.data).toMatchObject({ exists: false, headline: "", experience: [], education: [], skills: [], parse: null });

    const saved = await call(api.url, transport, routes.update, {
      headline: "  Registered Nurse ",
      contact: { name: "Jane Doe", email: "jane@example.test", phone: null, location: "Seattle", links: [] },
      experience: [{ title: "Charge Nurse", company: "Harborview", start: "2021", end: null, summary: "Led a team of 8" }],
      education: [{ school: "University of Washington", degree: "BSN", field: "Nursing", start: "2014", end: "2018" }],
      skills: ["ACLS", "Wound Care"],
    }, bearer(me.token));
    expect(saved.status).toBe(200);
    const again = await call(api.url, transport, routes.get, undefined, bearer(me.token));
    expect(again.data).toMatchObject({ exists: true, headline: "Registered Nurse", contact: { name: "Jane Doe", phone: null }, skills: ["ACLS", "Wound Care"] });
    expect((again.data as { experience: unknown[] }).experience).toEqual([{ title: "Charge Nurse", company: "Harborview", start: "2021", end: null, summary: "Led a team of 8" }]);

    // A partial update changes only what it names.
    await call(api.url, transport, routes.update, { skills: ["BLS"] }, bearer(me.token));
    expect((await call(api.url, transport, routes.get, undefined, bearer(me.token))).data).toMatchObject({ headline: "Registered Nurse", skills: ["BLS"] });
    const audit = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, me.user.id));
    expect(audit.filter((a) => a.eventType === "candidate_profile.updated")).toHaveLength(2);
  });

  it("refuses out-of-bounds input with 400 and a message per field, and unknown keys", async () => {
    const me = await candidate();
    const bad = await call(api.url, transport, routes.update, {
      headline: "x".repeat(161),
      contact: { name: null, email: "not-an-email", phone: null, location: null, links: [] },
      experience: [{ title: "", company: " ", start: "2020", end: null, summary: "" }],
      skills: Array.from({ length: 101 }, (_, i) => `skill ${i}`),
    }, bearer(me.token));
    expect(bad.status).toBe(400);
    expect(bad.error?.fieldErrors).toMatchObject({
      headline: ["Headline: at most 160 characters"],
      "contact.email": ["Not a valid email address"],
      "experience.0.title": ["Give the job a title or a company"],
      skills: ["At most 100 skills"],
    });
    const unknown = await call(api.url, transport, routes.update, { headline: "ok", salary: 1 }, bearer(me.token));
    expect(unknown.status).toBe(400);
    // Nothing of a refused update was kept.
    expect((await call(api.url, transport, routes.get, undefined, bearer(me.token))).data).toMatchObject({ exists: false });
  });

  it("parses only the candidate's own document: another's id, an unknown id → 404; a malformed one → 400", async () => {
    const me = await candidate();
    const other = await candidate();
    const theirs = await textDocument(api.svc.db, other.accountId, "Jane Doe\nNurse\nExperience\nCharge Nurse, Harborview, 2021 - Present");
    const foreign = await call(api.url, transport, routes.parse, { documentId: theirs }, bearer(me.token));
    expect(foreign.status).toBe(404);
    expect((await call(api.url, transport, routes.parse, { documentId: "00000000-0000-4000-8000-000000000000" }, bearer(me.token))).status).toBe(404);
    const malformed = await call(api.url, transport, routes.parse, { documentId: "nope" }, bearer(me.token));
    expect(malformed.status).toBe(400);
    expect(malformed.error?.fieldErrors?.documentId).toEqual(["documentId must be a document id"]);
    // Nothing was queued or billed for the refused requests.
    expect(await api.svc.db.select().from(schema.jobs).where(eq(schema.jobs.accountId, me.accountId))).toEqual([]);
  });

  it("starts a resume_parse job on an own résumé, billed to the candidate's account and remembered on the profile", async () => {
    const me = await candidate();
    const mine = await textDocument(api.svc.db, me.accountId, "Jane Doe\nRegistered Nurse\nExperience\nCharge Nurse, Harborview, 2021 - Present", "resume");
    const started = await call(api.url, transport, routes.parse, { documentId: mine }, bearer(me.token));
    expect(started.status).toBe(200);
    const view = started.data as { sourceDocumentId: string; parse: { jobId: string; status: string; appliedAt: string | null } };
    expect(view.sourceDocumentId).toBe(mine);
    expect(view.parse).toMatchObject({ status: "queued", appliedAt: null });
    const [job] = await api.svc.db.select().from(schema.jobs).where(eq(schema.jobs.id, view.parse.jobId));
    expect(job).toMatchObject({ type: "resume_parse", accountId: me.accountId, createdById: me.user.id, input: { documentId: mine } });
  });
});
