import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditReserve, recordRunCost, verifyLedger, type TAdjustReserveResult, type TLedgerPage, type TUsageCostsReport } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { billingRoutes as R, billingTenant } from "./billing.test-helpers.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let staff: TestUser;
let a: Awaited<ReturnType<typeof billingTenant>>;
let b: Awaited<ReturnType<typeof billingTenant>>;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  staff = await newUser(api, "ops", { isStaff: true });
  a = await billingTenant(api, "acme");
  b = await billingTenant(api, "bolt");
});
afterAll(async () => {
  await api?.close();
});

const adjustAudits = (accountId: string) =>
  api.svc.db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.eventType, "billing.adjusted"), eq(schema.auditEvents.accountId, accountId)));

describe.each<Transport>(["rest", "trpc"])("admin adjust over %s", (transport) => {
  it("refuses an adjustment without a reason (400, fieldErrors.reason), a zero amount, and non-staff", async () => {
    const missing = await call(api.url, transport, R.adjust, { tenantId: a.account.id, amountCents: 500 }, bearer(staff.token));
    expect(missing.status).toBe(400);
    expect(missing.error?.fieldErrors).toEqual({ reason: ["A reason is required"] });
    const blank = await call(api.url, transport, R.adjust, { tenantId: a.account.id, amountCents: 500, reason: "   " }, bearer(staff.token));
    expect(blank.status).toBe(400);
    expect(blank.error?.fieldErrors).toEqual({ reason: ["A reason is required"] });
    const zero = await call(api.url, transport, R.adjust, { tenantId: a.account.id, amountCents: 0, reason: "x" }, bearer(staff.token));
    expect(zero.error?.fieldErrors).toEqual({ amountCents: ["Amount can't be zero"] });
    const owner = await call(api.url, transport, R.adjust, { tenantId: a.account.id, amountCents: 500, reason: "self-service" }, bearer(a.owner.token));
    expect(owner.status).toBe(403);
    const ghost = await call(api.url, transport, R.adjust, { tenantId: randomUUID(), amountCents: 500, reason: "ghost" }, bearer(staff.token));
    expect(ghost.status).toBe(404);
    expect(await adjustAudits(a.account.id)).toHaveLength(0);
  });

  it("refuses adjustments over BILLING_ADJUST_MAX_DOLLARS either way (400, fieldErrors.amountCents) and changes nothing", async () => {
    const message = "Adjustments are limited to $10,000.00 either way";
    for (const amountCents of [99_999_999_00, -99_999_00]) {
      const r = await call(api.url, transport, R.adjust, { tenantId: a.account.id, amountCents, reason: "slipped finger" }, bearer(staff.token));
      expect(r.status).toBe(400);
      expect(r.error?.fieldErrors).toEqual({ amountCents: [message] });
    }
    expect(await adjustAudits(a.account.id)).toHaveLength(0);
    const ctx = await call(api.url, transport, R.adjustContext, { tenantId: a.account.id }, bearer(staff.token));
    expect(ctx.data).toMatchObject({ tenantId: a.account.id, balanceCents: 0, maxCents: 10_000_00, confirmAboveCents: 1_000_00 });
    const owner = await call(api.url, transport, R.adjustContext, { tenantId: a.account.id }, bearer(a.owner.token));
    expect(owner.status).toBe(403);
  });
});

describe("admin adjust", () => {
  it("adjusts with a reason: audited with the admin and reason, visible in the tenant's ledger, once per idempotency key", async () => {
    const body = { tenantId: a.account.id, amountCents: 10_000, reason: "Promotional credit for early adopter", idempotencyKey: "promo-2025-acme" };
    const r = await call(api.url, "rest", R.adjust, body, bearer(staff.token));
    expect(r.status).toBe(200);
    const result = r.data as TAdjustReserveResult;
    expect(result).toMatchObject({ newBalanceCents: 10_000, applied: true, entry: { type: "adjustment", amountCents: 10_000, balanceAfterCents: 10_000, reason: body.reason, actorUsername: "ops" } });

    const again = await call(api.url, "trpc", R.adjust, body, bearer(staff.token));
    expect(again.data).toMatchObject({ newBalanceCents: 10_000, applied: false, entry: { id: result.entry.id } });

    const audits = await adjustAudits(a.account.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUsername: "ops", targetType: "account", targetId: a.account.id, details: { amountCents: 10_000, reason: body.reason, ledgerEntryId: result.entry.id } });

    const debit = await call(api.url, "trpc", R.adjust, { tenantId: a.account.id, amountCents: -2_500, reason: "Chargeback" }, bearer(staff.token));
    expect(debit.data).toMatchObject({ newBalanceCents: 7_500 });

    const ledger = await call(api.url, "rest", R.ledger, {}, bearer(a.owner.token));
    expect((ledger.data as TLedgerPage).items.map((e) => [e.type, e.amountCents, e.reason, e.actorUsername])).toEqual([
      ["adjustment", -2_500, "Chargeback", "ops"],
      ["adjustment", 10_000, body.reason, "ops"],
    ]);
    expect(await verifyLedger(api.svc.db, a.account.id)).toEqual([]);
  });
});

describe("ledger CSV export", () => {
  const exportCsv = (query: string, token?: string) => fetch(`${api.url}/api/billing/admin/ledger/export.csv?${query}`, { headers: token ? bearer(token) : {} });

  it("streams every tenant's entries, oldest first, filterable by account and dates", async () => {
    await creditReserve(api.svc.db, { accountId: b.account.id, amountCents: 4200, idempotencyKey: `csv:${b.account.id}`, reason: "=HYPERLINK(evil)" });
    const res = await exportCsv("", staff.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="ledger-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
    const total = await api.svc.db.$count(schema.ledgerEntries);
    expect(rows).toHaveLength(total);
    const times = rows.map((r) => Date.parse(r.createdAt ?? ""));
    expect([...times].sort((x, y) => x - y)).toEqual(times);

    const onlyB = parse(await (await exportCsv(`accountId=${b.account.id}`, staff.token)).text(), { columns: true }) as Array<Record<string, string>>;
    expect(onlyB).toEqual([
      expect.objectContaining({ accountId: b.account.id, accountName: expect.stringContaining("Inc"), type: "credit", amountCents: "4200", balanceAfterCents: "4200", reason: "'=HYPERLINK(evil)" }),
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect(parse(await (await exportCsv(`accountId=${b.account.id}&from=${today}&to=${today}`, staff.token)).text(), { columns: true })).toHaveLength(1);
    expect(parse(await (await exportCsv(`accountId=${b.account.id}&to=2000-01-01`, staff.token)).text(), { columns: true })).toHaveLength(0);
  });

  it("refuses non-staff, anonymous callers and bad filters", async () => {
    expect((await exportCsv("", a.owner.token)).status).toBe(403);
    expect((await exportCsv("")).status).toBe(401);
    const bad = await exportCsv("from=yesterday&accountId=42", staff.token);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { data: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(body.data.fieldErrors).sort()).toEqual(["accountId", "from"]);
  });
});

describe("usage costs report", () => {
  it("groups run costs by tenant, day and job type within the range", async () => {
    const runs: Array<[string, string, string, number]> = [
      // tenant, day, job type, cents
      [a.account.id, "2025-12-01", "document.analyze", 40],
      [a.account.id, "2025-12-01", "document.analyze", 60],
      [a.account.id, "2025-12-01", "worklog.summary", 7],
      [a.account.id, "2025-12-02", "document.analyze", 11],
      [b.account.id, "2025-12-01", "document.analyze", 5],
      [b.account.id, "2025-11-30", "document.analyze", 999], // before the range
      [b.account.id, "2026-01-01", "document.analyze", 999], // after it
    ];
    const ids: string[] = [];
    for (const [accountId, day, jobType, cents] of runs) {
      const runId = randomUUID();
      await recordRunCost(api.svc.db, { accountId, runId, jobType, lineItems: [{ item: "compute", quantity: cents * 100, unit: "second", unitPriceCents: 0.01, amountCents: cents }] });
      await api.svc.db.update(schema.usageCosts).set({ occurredAt: new Date(`${day}T12:00:00Z`) }).where(eq(schema.usageCosts.runId, runId));
      ids.push(runId);
    }
    const r = await call(api.url, "rest", R.usageCosts, { startDate: "2025-12-01", endDate: "2025-12-31" }, bearer(staff.token));
    expect(r.status).toBe(200);
    const report = r.data as TUsageCostsReport;
    const name = (id: string) => (id === a.account.id ? a.account.name : b.account.name);
    const expected = [
      { accountId: a.account.id, day: "2025-12-01", jobType: "document.analyze", runs: 2, totalCents: 100 },
      { accountId: a.account.id, day: "2025-12-01", jobType: "worklog.summary", runs: 1, totalCents: 7 },
      { accountId: b.account.id, day: "2025-12-01", jobType: "document.analyze", runs: 1, totalCents: 5 },
      { accountId: a.account.id, day: "2025-12-02", jobType: "document.analyze", runs: 1, totalCents: 11 },
    ].map((row) => ({ ...row, accountName: name(row.accountId) }));
    expect(report.rows).toEqual(expect.arrayContaining(expected));
    expect(report.rows).toHaveLength(4);
    expect(report.totals).toEqual({ runs: 5, totalCents: 123 });

    const onlyA = await call(api.url, "trpc", R.usageCosts, { startDate: "2025-12-01", endDate: "2025-12-31", accountId: a.account.id }, bearer(staff.token));
    expect((onlyA.data as TUsageCostsReport).totals).toEqual({ runs: 4, totalCents: 118 });
    await api.svc.db.delete(schema.usageCosts).where(inArray(schema.usageCosts.runId, ids));
  });

  it("refuses backwards or overlong ranges with field errors, and non-staff", async () => {
    const backwards = await call(api.url, "rest", R.usageCosts, { startDate: "2025-12-31", endDate: "2025-12-01" }, bearer(staff.token));
    expect(backwards.status).toBe(400);
    expect(backwards.error?.fieldErrors).toHaveProperty("endDate");
    const long = await call(api.url, "rest", R.usageCosts, { startDate: "2020-01-01", endDate: "2025-12-01" }, bearer(staff.token));
    expect(long.error?.fieldErrors).toHaveProperty("startDate");
    const junk = await call(api.url, "rest", R.usageCosts, { startDate: "12/01/2025" }, bearer(staff.token));
    expect(junk.error?.fieldErrors).toEqual({ startDate: ["Use a date like 2025-12-31"] });
    expect((await call(api.url, "rest", R.usageCosts, {}, bearer(a.owner.token))).status).toBe(403);
  });
});
