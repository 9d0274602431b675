// The raw routes (CSV exports, archives, backups) read their input from the query string; like every
// procedure, an unknown key there is a 400 naming it, not a silently ignored filter.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newUser } from "../../routers/tenancy.test-helpers.js";
import { startTestApi, type TestApi } from "../../testing.js";
import { looseObjectsIn } from "../../trpc/strict-inputs.js";
import { RAW_ROUTES } from "./raw-routes.js";

const PROBE = "unknownProbe";
const withInput = RAW_ROUTES.filter((r) => r.input);
const urlOf = (path: string) => `/api${path.replace(":name", "atrium-20260101T000000000Z")}`;

describe("raw routes' inputs are strict", () => {
  it("declares no loose object in any raw route's input", () => {
    expect(withInput.map((r) => r.procedure)).toEqual(expect.arrayContaining(["billing.admin.exportLedger", "audit.export", "data.export"]));
    expect(withInput.flatMap((r) => (r.input ? looseObjectsIn(r.input).map((where) => `${r.procedure}: ${where}`) : []))).toEqual([]);
  });

  describe("over HTTP", () => {
    let api: TestApi;
    let staff: string;
    beforeAll(async () => {
      api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
      staff = (await newUser(api, `raw_in_${randomUUID().slice(0, 8)}`, { isStaff: true })).token;
    }, 60_000);
    afterAll(() => api?.close());

    it("answers an unknown query key with a 400 naming it, on every raw route that takes input", async () => {
      const wrong: string[] = [];
      for (const route of withInput) {
        const res = await fetch(`${api.url}${urlOf(route.path)}?${PROBE}=x`, { method: route.method.toUpperCase(), headers: { authorization: `Bearer ${staff}` } });
        const body = (await res.json().catch(() => null)) as { data?: { fieldErrors?: Record<string, string[]> | null } } | null;
        if (res.status !== 400 || !body?.data?.fieldErrors?.[PROBE]) wrong.push(`${route.method} ${route.path}: ${res.status} ${JSON.stringify(body?.data?.fieldErrors ?? null)}`);
      }
      expect(wrong).toEqual([]);
    });

    it("still takes the filters it declares: the ledger CSV by date", async () => {
      const res = await fetch(`${api.url}/api/billing/admin/ledger/export.csv?from=2020-01-01`, { headers: { authorization: `Bearer ${staff}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/csv/);
      await res.text();
    });
  });
});
