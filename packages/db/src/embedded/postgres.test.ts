import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./postgres.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-pg-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function countRows(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("create table if not exists kept (n int)");
    await c.query("insert into kept values (1)");
    return Number((await c.query("select count(*) from kept")).rows[0].count);
  } finally {
    await c.end();
  }
}

describe("embedded Postgres with a persistent data dir", () => {
  // `npm start` twice: the second start must find the cluster and its data as the first left them.
  it("starts again on the same data dir and keeps the data", async () => {
    const dataDir = path.join(dir, "postgres");
    const first = await startEmbeddedPostgres({ dataDir });
    expect(await countRows(first.url)).toBe(1);
    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await countRows(second.url)).toBe(2);
    } finally {
      await second.stop();
    }
  });
});
