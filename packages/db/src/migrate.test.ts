import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDb, migrationsFolder } from "./client.js";
import { createTestDatabase, testInfraUrls, type TestDatabase } from "./testing.js";

let database: TestDatabase;
let url = "";

beforeAll(async () => {
  // An empty database, not the migrated template: what a first deploy finds.
  database = await createTestDatabase(testInfraUrls().pgAdminUrl, { empty: true });
  url = database.url;
});
afterAll(() => database.drop());

describe("migrateDb", () => {
  it("lets several replicas migrate one empty database at once: all succeed, each migration applied once", async () => {
    let bootstraps = 0;
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => migrateDb(url, async () => void bootstraps++)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(bootstraps).toBe(5);

    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const applied = await c.query("select count(*)::int as n from drizzle.__drizzle_migrations");
    const tables = await c.query("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
    await c.end();
    expect(applied.rows[0].n).toBe(journal.entries.length);
    expect(tables.rows[0].n).toBeGreaterThan(10);
  });
});
