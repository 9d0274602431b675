import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { ALL_SECTIONS, NOT_EXPORTED } from "./tenant-sections.js";

describe("tenant archive sections", () => {
  it("cover every table with an account_id, or say why not: a new tenant table can't be left out of exports silently", () => {
    const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableConfig(t));
    const tenantTables = tables.filter((t) => t.columns.some((c) => c.name === "account_id")).map((t) => t.name);
    const covered = new Set([...ALL_SECTIONS.map((s) => getTableConfig(s.table).name), ...Object.keys(NOT_EXPORTED)]);
    expect(tenantTables.filter((name) => !covered.has(name))).toEqual([]);
    expect(Object.keys(NOT_EXPORTED).filter((name) => !tables.some((t) => t.name === name))).toEqual([]);
  });
});
