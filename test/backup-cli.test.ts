import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { create as createTar } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testInfraUrls, type TestDatabase } from "@atrium/db/testing";
import { ROOT, startService, stopAllServices } from "@atrium/testing";

/**
 * `npm run backup` / `npm run restore` as an operator runs them (here the dev
 * variants, tsx on the sources, as separate processes): back up, drill, restore
 * into an empty database, and be refused by a non-empty one.
 */
let source: TestDatabase;
let dataDir: string;
const tsx = path.join(ROOT, "apps/api/node_modules/.bin/tsx");

async function run(script: "backup" | "restore", args: string[], env: Record<string, string> = {}) {
  const service = startService({ name: script, cwd: ".", command: tsx, args: [`apps/api/src/${script}.ts`, ...args], env: { NODE_ENV: "development", LOG_LEVEL: "error", DATA_DIR: dataDir, DATABASE_URL: source.url, ...env } });
  const code = await service.exited;
  return { code, output: service.output() };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "atrium-backup-cli-"));
  source = await createTestDatabase(testInfraUrls().pgAdminUrl);
  await source.pool.query(`insert into accounts (name, slug) values ('CLI drill', 'cli-drill')`);
});

afterAll(async () => {
  await stopAllServices();
  await source?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("backup and restore commands", () => {
  it("backs up, drills a restore into a scratch database, restores into an empty one and refuses a non-empty one", async () => {
    const backup = await run("backup", []);
    expect(backup.code, backup.output).toBe(0);
    const summary = JSON.parse(backup.output.trim().split("\n").at(-1) ?? "{}") as { id: string; rows: number };
    expect(summary.id).toMatch(/^atrium-/);
    expect(summary.rows).toBeGreaterThan(0);

    const drill = await run("restore", ["--drill", "latest"]);
    expect(drill.code, drill.output).toBe(0);
    expect(drill.output).toContain('"drill":"ok"');

    const target = await createTestDatabase(testInfraUrls().pgAdminUrl, { empty: true });
    try {
      const restored = await run("restore", [summary.id, "--database-url", target.url]);
      expect(restored.code, restored.output).toBe(0);
      const { rows } = await target.pool.query<{ name: string }>("select name from accounts");
      expect(rows.map((r) => r.name)).toContain("CLI drill");
      const again = await run("restore", [summary.id, "--database-url", target.url]);
      expect(again.code).toBe(1);
      expect(again.output).toMatch(/not empty.*--force/);
      // What Admin → System → Backups → Download gives: one tar.gz, restorable as is.
      const archive = path.join(dataDir, "offsite.tar.gz");
      await createTar({ gzip: true, file: archive, cwd: path.join(dataDir, "backups") }, [summary.id]);
      await source.pool.query(`insert into accounts (name, slug) values ('after the backup', 'after')`);
      const fromTar = await run("restore", [archive, "--database-url", target.url, "--force"]);
      expect(fromTar.code, fromTar.output).toBe(0);
      const names = (await target.pool.query<{ name: string }>("select name from accounts")).rows.map((r) => r.name);
      expect(names).toContain("CLI drill");
      expect(names).not.toContain("after the backup");
    } finally {
      await target.drop();
    }
  }, 120_000);
});
