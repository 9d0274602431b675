import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { applicationRoutes as r, candidate, employer, posting, resume } from "./application.test-helpers.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
});
afterAll(async () => {
  await api.close();
});

type App = { id: string; status: string; resumeDocumentId: string | null; match: { state: string; score: number | null; error: string | null }; allowedMoves?: string[] };
type Page<T> = { items: T[]; nextCursor: string | null };

describe.each<Transport>(["rest", "trpc"])("applications over %s", (t) => {
  it("a candidate applies; the employer's recruiting roles see it with their own copy of the résumé, a plain member never sees that copy", async () => {
    const e = await employer(api, `apply-${t}`);
    const p = await posting(api, e.account.id, `Backend ${t}`);
    const c = await candidate(api, `apply-${t}`);

    const applied = await call(api.url, t, r.apply, { postingId: p.id, resumeDocumentId: c.resumeId, coverLetter: "I build APIs." }, bearer(c.token));
    expect(applied.status, applied.error?.message).toBe(200);
    const mine = applied.data as { id: string; status: string; employerName: string; postingTitle: string; resumeDocumentId: string; canWithdraw: boolean };
    expect(mine).toMatchObject({ status: "applied", employerName: `apply-${t} Corp`, postingTitle: `Backend ${t}`, resumeDocumentId: c.resumeId, canWithdraw: true });
    expect(mine).not.toHaveProperty("match");

    const seen = await call(api.url, t, r.get, { id: mine.id }, bearer(e.recruiter.token));
    expect(seen.status).toBe(200);
    const detail = seen.data as App & { coverLetter: string; candidateEmail: string; resume: { documentId: string; textPreview: string } };
    expect(detail).toMatchObject({ status: "applied", coverLetter: "I build APIs.", candidateEmail: c.user.email, allowedMoves: ["screening", "interview", "offer", "rejected"] });
    // The employer's copy: another document, in the employer's account, with the candidate's text.
    expect(detail.resume.documentId).not.toBe(c.resumeId);
    expect(detail.resume.textPreview).toContain("TypeScript");
    const [copy] = await api.svc.db.select().from(schema.documents).where(eq(schema.documents.id, detail.resume.documentId));
    expect(copy).toMatchObject({ accountId: e.account.id, kind: "resume" });
    // A hiring manager reads it too.
    expect((await call(api.url, t, r.get, { id: mine.id }, bearer(e.manager.token))).status).toBe(200);

    // Documents: the recruiter lists and opens the copy; a member without a recruiting role can't, by list or by id.
    const listedBy = async (token: string) => ((await call(api.url, t, r.documents, { accountId: e.account.id }, bearer(token))).data as Page<{ id: string }>).items.map((d) => d.id);
    expect(await listedBy(e.recruiter.token)).toContain(copy?.id);
    expect(await listedBy(e.plain.token)).not.toContain(copy?.id);
    expect((await call(api.url, t, r.document, { id: String(copy?.id) }, bearer(e.plain.token))).status).toBe(404);
    expect((await call(api.url, t, r.get, { id: mine.id }, bearer(e.plain.token))).status).toBe(403);
    // Nor can that member run an analysis on it.
    const analysis = await call(api.url, t, { method: "POST", rest: "/api/jobs/", trpc: "jobs.create", kind: "mutation" }, { type: "document_analysis", input: { documentId: String(copy?.id) }, accountId: e.account.id }, bearer(e.plain.token));
    expect(analysis.status).toBe(404);
  });

  it("refuses hostile and mistaken applications with the right answers", async () => {
    const e = await employer(api, `hostile-${t}`);
    const open = await posting(api, e.account.id, `Open ${t}`);
    const draft = await posting(api, e.account.id, `Draft ${t}`, "draft");
    const c = await candidate(api, `hostile-${t}`);
    const other = await candidate(api, `other-${t}`);

    const apply = (input: Record<string, unknown>, token = c.token) => call(api.url, t, r.apply, input, bearer(token));
    // Someone else's résumé: as unknown as an id that doesn't exist.
    const theirs = await apply({ postingId: open.id, resumeDocumentId: other.resumeId });
    const unknown = await apply({ postingId: open.id, resumeDocumentId: crypto.randomUUID() });
    expect([theirs.status, unknown.status]).toEqual([404, 404]);
    expect(theirs.error?.message).toBe(unknown.error?.message);
    // A draft posting is as unknown as a missing one.
    const toDraft = await apply({ postingId: draft.id, resumeDocumentId: c.resumeId });
    expect(toDraft.status).toBe(404);
    expect(toDraft.error?.message).toBe("Posting not found");
    // Not a résumé; a cover letter past the bound; an unknown key.
    const notes = await resume(api, c, c.home.id, "shopping list", "other");
    const wrongKind = await apply({ postingId: open.id, resumeDocumentId: notes });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.error?.fieldErrors?.resumeDocumentId?.[0]).toMatch(/not marked as a résumé/);
    const long = await apply({ postingId: open.id, resumeDocumentId: c.resumeId, coverLetter: "x".repeat(5001) });
    expect(long.status).toBe(400);
    expect(long.error?.fieldErrors?.coverLetter).toEqual(["Keep the cover letter under 5000 characters"]);
    expect((await apply({ postingId: open.id, resumeDocumentId: c.resumeId, salary: 1 })).status).toBe(400);
    // The employer's own people don't apply to its postings (they would see and move their own application).
    const insider = await candidate(api, `insider-${t}`);
    await api.svc.db.insert(schema.accountMembers).values({ accountId: e.account.id, userId: insider.user.id, role: "member" });
    const inside = await apply({ postingId: open.id, resumeDocumentId: insider.resumeId }, insider.token);
    expect(inside.status).toBe(403);

    // Once is fine; twice is a conflict that says so, and leaves one application and one résumé copy.
    expect((await apply({ postingId: open.id, resumeDocumentId: c.resumeId })).status).toBe(200);
    const twice = await apply({ postingId: open.id, resumeDocumentId: c.resumeId });
    expect(twice.status).toBe(409);
    expect(twice.error?.message).toMatch(/already applied/);
    const apps = await api.svc.db.select().from(schema.applications).where(eq(schema.applications.postingId, open.id));
    expect(apps).toHaveLength(1);
    const copies = await api.svc.db.select().from(schema.documents).where(and(eq(schema.documents.accountId, e.account.id), eq(schema.documents.kind, "resume")));
    expect(copies).toHaveLength(1);
  });

  it("moves along the pipeline: recruiters only, conditional on the stage seen, emailed, audited, recorded", async () => {
    const e = await employer(api, `move-${t}`);
    const p = await posting(api, e.account.id, `Pipeline ${t}`);
    const c = await candidate(api, `move-${t}`);
    const { id } = (await call(api.url, t, r.apply, { postingId: p.id, resumeDocumentId: c.resumeId }, bearer(c.token))).data as { id: string };
    const move = (input: Record<string, unknown>, token: string) => call(api.url, t, r.move, { id, ...input }, bearer(token));

    expect((await move({ to: "screening" }, e.manager.token)).status).toBe(403);
    expect((await move({ to: "screening" }, e.plain.token)).status).toBe(403);
    const byCandidate = await move({ to: "offer" }, c.token);
    expect(byCandidate.status).toBe(404);

    const moved = await move({ to: "screening", from: "applied" }, e.recruiter.token);
    expect(moved.status, moved.error?.message).toBe(200);
    expect(moved.data).toMatchObject({ status: "screening", allowedMoves: ["applied", "interview", "offer", "rejected"] });
    // A second recruiter who still saw "applied" is told it moved, and nothing changes.
    const stale = await move({ to: "rejected", from: "applied" }, e.owner.token);
    expect(stale.status).toBe(409);
    expect(stale.error?.message).toMatch(/now screening/);
    const skipping = await move({ to: "hired" }, e.recruiter.token);
    expect(skipping.status).toBe(400);
    expect(skipping.error?.fieldErrors?.to?.[0]).toMatch(/From screening an application can move to/);

    const mail = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, c.user.email));
    expect(mail.map((m) => m.subject)).toEqual([`Application Update: Pipeline ${t}`]);
    expect(mail[0]?.text).toContain("Your application is being reviewed");
    const stages = await api.svc.db.select().from(schema.applicationStageChanges).where(eq(schema.applicationStageChanges.applicationId, id));
    expect(stages.map((s) => [s.fromStatus, s.toStatus])).toEqual([[null, "applied"], ["applied", "screening"]]);
    const audit = await api.svc.db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.targetId, id), eq(schema.auditEvents.eventType, "application.moved")));
    expect(audit.map((a) => [a.actorId, a.details])).toEqual([[e.recruiter.user.id, expect.objectContaining({ from: "applied", to: "screening" })]]);

    // The candidate withdraws; then nobody moves it any more.
    const withdrawn = await call(api.url, t, r.withdraw, { id }, bearer(c.token));
    expect(withdrawn.data).toMatchObject({ status: "withdrawn", canWithdraw: false });
    expect((await call(api.url, t, r.withdraw, { id }, bearer(c.token))).status).toBe(409);
    expect((await call(api.url, t, r.withdraw, { id }, bearer(e.recruiter.token))).status).toBe(404);
    const late = await move({ to: "interview" }, e.recruiter.token);
    expect(late.status).toBe(400);
    expect(late.error?.fieldErrors?.to).toEqual(["A withdrawn application can't be moved any more"]);
  });

  it("lets exactly one of two concurrent moves from the same stage through", async () => {
    const e = await employer(api, `race-${t}`);
    const p = await posting(api, e.account.id, `Race ${t}`);
    const c = await candidate(api, `race-${t}`);
    const { id } = (await call(api.url, t, r.apply, { postingId: p.id, resumeDocumentId: c.resumeId }, bearer(c.token))).data as { id: string };
    const [a, b] = await Promise.all([
      call(api.url, t, r.move, { id, from: "applied", to: "screening" }, bearer(e.recruiter.token)),
      call(api.url, t, r.move, { id, from: "applied", to: "rejected" }, bearer(e.owner.token)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const stages = await api.svc.db.select().from(schema.applicationStageChanges).where(eq(schema.applicationStageChanges.applicationId, id));
    expect(stages).toHaveLength(2);
    const emails = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, c.user.email));
    expect(emails).toHaveLength(1);
  });

  it("ranks a posting's applications by match score, unscored last, with filters and forward pages", async () => {
    const e = await employer(api, `rank-${t}`);
    const p = await posting(api, e.account.id, `Ranked ${t}`);
    const scores: Array<[string, number | null, string[]]> = [
      ["ann", 42, ["react"]],
      ["bob", null, []],
      ["cyd", 91, ["typescript", "react"]],
      ["dee", 67, ["typescript"]],
    ];
    const ids: Record<string, string> = {};
    for (const [name, score, skills] of scores) {
      const c = await candidate(api, `rank-${t}-${name}`);
      const { id } = (await call(api.url, t, r.apply, { postingId: p.id, resumeDocumentId: c.resumeId }, bearer(c.token))).data as { id: string };
      ids[name] = id;
      await api.svc.db.update(schema.applications).set({ matchScore: score, matchedSkills: skills }).where(eq(schema.applications.id, id));
    }
    const list = async (input: Record<string, unknown>) => {
      const res = await call(api.url, t, r.list, { postingId: p.id, ...input }, bearer(e.manager.token));
      expect(res.status, res.error?.message).toBe(200);
      return res.data as Page<App>;
    };
    const order = (page: Page<App>) => page.items.map((a) => Object.keys(ids).find((k) => ids[k] === a.id));
    expect(order(await list({}))).toEqual(["cyd", "dee", "ann", "bob"]);
    expect(order(await list({ minScore: 50 }))).toEqual(["cyd", "dee"]);
    expect(order(await list({ skill: "React" }))).toEqual(["cyd", "ann"]);
    expect(order(await list({ q: `rank-${t}-dee` }))).toEqual(["dee"]);
    const first = await list({ limit: 3, direction: "forward" });
    expect(order(first)).toEqual(["cyd", "dee", "ann"]);
    expect(order(await list({ limit: 3, cursor: first.nextCursor, direction: "forward" }))).toEqual(["bob"]);
    expect((await call(api.url, t, r.list, { postingId: p.id, minScore: 101 }, bearer(e.manager.token))).error?.fieldErrors?.minScore).toEqual(["Minimum score is 0 to 100"]);
    // Outside the employer, the posting's applications are not found; inside without a recruiting role, forbidden.
    const outsider = await candidate(api, `rank-${t}-out`);
    expect((await call(api.url, t, r.list, { postingId: p.id }, bearer(outsider.token))).status).toBe(404);
    expect((await call(api.url, t, r.list, { postingId: p.id }, bearer(e.plain.token))).status).toBe(403);

    // The candidate's side: their own, with the employer's name, never someone else's.
    const mine = await call(api.url, t, r.mine, { direction: "forward" }, bearer(outsider.token));
    expect((mine.data as Page<unknown>).items).toEqual([]);
    expect((await call(api.url, t, r.getMine, { id: String(ids.ann) }, bearer(outsider.token))).status).toBe(404);
  });
});
