import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditReserve, type TFlag, type TFlagDetail, type TMyFlags } from "@atrium/core";
import { QUEUES } from "@atrium/core/jobs";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call } from "../test-transports.js";
import { billingTenant } from "./billing.test-helpers.js";
import { fixture, upload } from "./document.test-helpers.js";
import { tokenFor } from "./identity.test-helpers.js";
import { textDocument } from "./job.test-helpers.js";

const R = {
  mine: { method: "GET", rest: "/api/flags/", trpc: "flags.mine", kind: "query" },
  list: { method: "GET", rest: "/api/admin/flags/", trpc: "flags.list", kind: "query" },
  get: { method: "GET", rest: "/api/admin/flags/{key}/", trpc: "flags.get", kind: "query" },
  create: { method: "POST", rest: "/api/admin/flags/", trpc: "flags.create", kind: "mutation" },
  update: { method: "PATCH", rest: "/api/admin/flags/{key}/", trpc: "flags.update", kind: "mutation" },
  remove: { method: "DELETE", rest: "/api/admin/flags/{key}/", trpc: "flags.delete", kind: "mutation" },
  createJob: { method: "POST", rest: "/api/jobs/", trpc: "jobs.create", kind: "mutation" },
  estimate: { method: "GET", rest: "/api/jobs/estimate/", trpc: "jobs.estimate", kind: "query" },
} as const;

let api: TestApi;
let staff: Record<string, string>;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  staff = bearer(await tokenFor(api, "admin", "admin123"));
});
afterAll(() => api?.close());

const off = (key: string, accountId: string) => call(api.url, "rest", R.update, { key, targeting: { default: true, rules: [{ match: { accountId }, value: false }] } }, staff);

describe("staff manage flags, every change audited", () => {
  it("creates, changes and reads a flag over REST and tRPC, with before/after history", async () => {
    const created = await call(api.url, "rest", R.create, { key: "banner-text", type: "string", description: "Banner", targeting: { default: "hello", rules: [] } }, staff);
    expect(created.status).toBe(200);
    const t = await billingTenant(api, "banner");
    const changed = await call(api.url, "trpc", R.update, { key: "banner-text", targeting: { default: "hello", rules: [{ match: { accountId: t.account.id }, value: "hi banner" }] } }, staff);
    expect(changed.status).toBe(200);

    const detail = (await call(api.url, "rest", R.get, { key: "banner-text" }, staff)).data as TFlagDetail;
    expect(detail.history.map((h) => h.eventType)).toEqual(["flag.updated", "flag.created"]);
    expect(detail.history[0]).toMatchObject({ actorUsername: "admin", before: { targeting: { default: "hello", rules: [] } }, after: { targeting: { rules: [{ value: "hi banner" }] } } });
    const list = (await call(api.url, "trpc", R.list, {}, staff)).data as { items: TFlag[] };
    expect(list.items.map((f) => f.key)).toEqual(expect.arrayContaining(["ai-analysis", "document-processing", "messaging", "recruiting", "banner-text"]));

    // The tenant sees the rule's value; everyone else the default.
    const mine = (await call(api.url, "rest", R.mine, {}, bearer(t.owner.token))).data as TMyFlags;
    expect(mine.flags["banner-text"]).toBe("hi banner");
    expect(mine.environment).toBe("test");
    const other = await billingTenant(api, "other");
    expect(((await call(api.url, "trpc", R.mine, {}, bearer(other.owner.token))).data as TMyFlags).flags["banner-text"]).toBe("hello");
  });

  it("refuses values of the wrong type, unknown match keys and duplicates with field messages", async () => {
    const wrong = await call(api.url, "rest", R.create, { key: "wrong-type", type: "boolean", targeting: { default: "yes", rules: [] } }, staff);
    expect(wrong.status).toBe(400);
    expect(wrong.error?.fieldErrors).toMatchObject({ "targeting.default": [expect.stringMatching(/boolean/)] });
    const badMatch = await call(api.url, "rest", R.update, { key: "ai-analysis", targeting: { default: true, rules: [{ match: { planet: "mars" }, value: false }] } }, staff);
    expect(badMatch.status).toBe(400);
    const rollout = await call(api.url, "rest", R.update, { key: "ai-analysis", targeting: { default: true, rules: [], rollout: { percentage: 101, value: false } } }, staff);
    expect(rollout.status).toBe(400);
    const dup = await call(api.url, "rest", R.create, { key: "ai-analysis", type: "boolean", targeting: { default: true, rules: [] } }, staff);
    expect(dup.status).toBe(409);
    const builtIn = await call(api.url, "rest", R.remove, { key: "ai-analysis" }, staff);
    expect(builtIn.status).toBe(409);
    expect(builtIn.error?.message).toMatch(/turn it off/);
  });

  it("targets by role and by user; a per-environment targeting replaces the flag's own", async () => {
    const t = await billingTenant(api, "roles", ["viewer"]);
    const viewer = t.members.viewer;
    if (!viewer) throw new Error("no viewer");
    await call(api.url, "rest", R.create, { key: "exports", type: "boolean", targeting: { default: false, rules: [{ match: { role: ["owner", "admin"], accountId: t.account.id }, value: true }, { match: { userId: viewer.user.id }, value: true }] } }, staff);
    const flagOf = async (token: string) => ((await call(api.url, "rest", R.mine, { accountId: t.account.id }, bearer(token))).data as TMyFlags).flags.exports;
    expect(await flagOf(t.owner.token)).toBe(true);
    expect(await flagOf(viewer.token)).toBe(true);
    const stranger = await billingTenant(api, "stranger");
    // Their own account: owner there, but every key of a rule must match (AND). Another tenant's account: not found, like an unknown id.
    expect(((await call(api.url, "rest", R.mine, {}, bearer(stranger.owner.token))).data as TMyFlags).flags.exports).toBe(false);
    expect((await call(api.url, "rest", R.mine, { accountId: t.account.id }, bearer(stranger.owner.token))).status).toBe(404);
    // Test has its own targeting now: off for everyone here, whatever the rules above say.
    await call(api.url, "rest", R.update, { key: "exports", environments: { test: { default: false, rules: [] } } }, staff);
    expect(await flagOf(t.owner.token)).toBe(false);
  });
});

describe("the seed's flags are honoured", () => {
  it("ai-analysis off for an account: 403 naming the flag before anything is written, queued or debited", async () => {
    const t = await billingTenant(api, "noai");
    await creditReserve(api.svc.db, { accountId: t.account.id, amountCents: 1000, idempotencyKey: `seed:${t.account.id}`, reason: "seed" });
    const doc = await textDocument(api.svc.db, t.account.id, "Rust and TypeScript engineer with ten years of experience.");
    const ledgerBefore = await api.svc.db.select().from(schema.ledgerEntries).where(eq(schema.ledgerEntries.accountId, t.account.id));
    expect((await off("ai-analysis", t.account.id)).status).toBe(200);

    for (const transport of ["rest", "trpc"] as const) {
      const r = await call(api.url, transport, R.createJob, { type: "document_analysis", input: { documentId: doc } }, bearer(t.owner.token));
      expect(r.status).toBe(403);
      expect(r.error?.message).toMatch(/feature flag ai-analysis/);
    }
    const estimate = await call(api.url, "rest", R.estimate, { type: "document_analysis", documentId: doc }, bearer(t.owner.token));
    expect(estimate.status).toBe(403);
    expect(await api.svc.db.select().from(schema.jobs).where(eq(schema.jobs.accountId, t.account.id))).toEqual([]);
    expect(await api.svc.db.select().from(schema.ledgerEntries).where(eq(schema.ledgerEntries.accountId, t.account.id))).toEqual(ledgerBefore);
    expect(await api.deps.jobs.queue(QUEUES.ai_analysis).getJobCounts("waiting", "delayed", "active")).toEqual({ waiting: 0, delayed: 0, active: 0 });

    // Every other account still runs analyses.
    const other = await billingTenant(api, "withai");
    await creditReserve(api.svc.db, { accountId: other.account.id, amountCents: 1000, idempotencyKey: `seed:${other.account.id}`, reason: "seed" });
    const otherDoc = await textDocument(api.svc.db, other.account.id, "Go developer.");
    expect((await call(api.url, "rest", R.createJob, { type: "document_analysis", input: { documentId: otherDoc } }, bearer(other.owner.token))).status).toBe(200);
  });

  it("document-processing off: the upload is stored but not extracted, and the document says why", async () => {
    const t = await billingTenant(api, "noextract");
    expect((await off("document-processing", t.account.id)).status).toBe(200);
    const queue = api.deps.jobs.queue(QUEUES.document_processing);
    const before = await queue.getJobCounts("waiting");
    const r = await upload(api, t.owner.token, { name: "notes.md", bytes: fixture("notes.md") });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ extractionStatus: "pending", extractionError: expect.stringMatching(/feature flag document-processing/) });
    expect(await queue.getJobCounts("waiting")).toEqual(before);
    const on = await billingTenant(api, "extract");
    expect((await upload(api, on.owner.token, { name: "notes.md", bytes: fixture("notes.md") })).body.extractionError).toBeNull();
    expect((await queue.getJobCounts("waiting")).waiting).toBe((before.waiting ?? 0) + 1);
  });
});
