// Issue 16: Postgres over TLS. An embedded Postgres started with ssl=on and a certificate from a
// private CA; Atrium's config adds DATABASE_CA_FILE to DATABASE_URL as sslrootcert (verify-full),
// and the same pool and migrator the api uses connect over TLS. Without the CA, verification fails.
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "@atrium/config";
import { createDb, migrateDb } from "@atrium/db";
import { startEmbeddedPostgres, type RunningPostgres } from "@atrium/db/embedded";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCa, type TestCa } from "./tls.js";

let ca: TestCa;
let postgres: RunningPostgres;
let dir: string;

beforeAll(async () => {
  ca = createTestCa();
  // The server runs as the OS user `postgres` (root can't): it must reach the files and own the key (0600).
  chmodSync(ca.dir, 0o755);
  chmodSync(ca.certFile, 0o644);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(ca.keyFile, uid, gid);
  }
  chmodSync(ca.keyFile, 0o600);
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-pg-tls-"));
  postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true, settings: { ssl: "on", ssl_cert_file: ca.certFile, ssl_key_file: ca.keyFile } });
  await postgres.createDatabase("atrium_tls");
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
  ca?.remove();
});

describe("Postgres over TLS with a private CA", () => {
  it("verifies the server with DATABASE_CA_FILE, migrates and queries over TLS", async () => {
    const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: postgres.urlFor("atrium_tls"), DATABASE_CA_FILE: ca.caFile });
    expect(new URL(config.DATABASE_URL ?? "").searchParams.get("sslmode")).toBe("verify-full");
    await migrateDb(config.DATABASE_URL ?? "");
    const { db, pool, close } = createDb(config.DATABASE_URL ?? "");
    try {
      const { rows } = await pool.query<{ ssl: boolean; version: string }>("select ssl, version from pg_stat_ssl where pid = pg_backend_pid()");
      expect(rows[0]).toMatchObject({ ssl: true, version: expect.stringMatching(/^TLS/) });
      expect(await db.query.featureFlags.findMany()).toEqual([]);
    } finally {
      await close();
    }
  });

  it("refuses a server it can't verify: verify-full without the CA", async () => {
    const client = new pg.Client({ connectionString: `${postgres.urlFor("atrium_tls")}?sslmode=verify-full` });
    await expect(client.connect()).rejects.toThrow(/self-signed|certificate/i);
    await client.end().catch(() => undefined);
  });
});
