// Issue 10 item 5: staff read and edit the price table over REST and tRPC; a change is audited and prices the next estimate.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TJobEstimate, TPriceList } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { billingRoutes as R, billingTenant } from "./billing.test-helpers.js";
import { jobRoutes, textDocument } from "./job.test-helpers.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let staff: TestUser;
let a: Awaited<ReturnType<typeof billingTenant>>;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  staff = await newUser(api, "pricer", { isStaff: true });
  a = await billingTenant(api, "acme");
});
afterAll(async () => {
  await api?.close();
});

const priceAudits = () => api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.eventType, "billing.prices_updated"));
const priceOf = (list: TPriceList, item: string, unit: string) => list.items.find((p) => p.item === item && p.unit === unit)?.unitPriceMillicents;

describe.each<Transport>(["rest", "trpc"])("price table over %s", (transport) => {
  it("lists the seeded prices to staff, with compute per job type; refuses tenants", async () => {
    const r = await call(api.url, transport, R.prices, undefined, bearer(staff.token));
    expect(r.status).toBe(200);
    const list = r.data as TPriceList;
    expect(priceOf(list, "compute:resume_match", "job run")).toBeGreaterThan(0);
    expect(priceOf(list, "compute:resume_match", "1K characters read")).toBeGreaterThan(0);
    expect(priceOf(list, "storage", "GB-month")).toBeGreaterThan(0);
    expect((await call(api.url, transport, R.prices, undefined, bearer(a.owner.token))).status).toBe(403);
    const put = await call(api.url, transport, R.updatePrices, { prices: [{ item: "local", unit: "1M input tokens", unitPriceMillicents: 1 }] }, bearer(a.owner.token));
    expect(put.status).toBe(403);
    expect(await priceAudits()).toHaveLength(0);
  });

  it("refuses bad prices with field errors and changes nothing", async () => {
    const before = (await call(api.url, transport, R.prices, undefined, bearer(staff.token))).data as TPriceList;
    const bad = await call(api.url, transport, R.updatePrices, { prices: [{ item: "compute:resume_match", unit: "1K characters read", unitPriceMillicents: -5 }, { item: "Bad Item!", unit: "parsec", unitPriceMillicents: 1.5 }] }, bearer(staff.token));
    expect(bad.status).toBe(400);
    expect(bad.error?.fieldErrors).toMatchObject({
      "prices.0.unitPriceMillicents": ["Price cannot be negative"],
      "prices.1.item": [expect.stringContaining("Lowercase")],
      "prices.1.unit": [expect.stringContaining("Unit must be one of")],
      "prices.1.unitPriceMillicents": [expect.stringContaining("whole number")],
    });
    const empty = await call(api.url, transport, R.updatePrices, { prices: [] }, bearer(staff.token));
    expect(empty.error?.fieldErrors).toEqual({ prices: ["Give at least one price"] });
    expect((await call(api.url, transport, R.prices, undefined, bearer(staff.token))).data).toEqual(before);
  });
});

describe("editing a price", () => {
  it("is audited with before and after, and the next estimate uses it", async () => {
    const doc = await textDocument(api.svc.db, a.account.id, "Jane Doe builds TypeScript services.");
    const estimate = async () => ((await call(api.url, "rest", jobRoutes.estimate, { type: "document_analysis", documentId: doc }, bearer(a.owner.token))).data as TJobEstimate).estimatedCents;
    const was = await estimate();
    const list = (await call(api.url, "rest", R.prices, undefined, bearer(staff.token))).data as TPriceList;
    const from = priceOf(list, "compute:document_analysis", "job run");

    const r = await call(api.url, "rest", R.updatePrices, { prices: [{ item: "compute:document_analysis", unit: "job run", unitPriceMillicents: 250_000 }] }, bearer(staff.token));
    expect(r.status).toBe(200);
    expect(priceOf(r.data as TPriceList, "compute:document_analysis", "job run")).toBe(250_000);
    expect(await estimate()).toBe(was - Math.round((from ?? 0) / 1000) + 250);

    const audits = await priceAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: staff.user.id, details: { changes: [{ item: "compute:document_analysis", unit: "job run", fromMillicents: from, toMillicents: 250_000 }] } });
  });
});
