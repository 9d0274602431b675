// The email-verification migration on a database that already has users, as an upgraded install would.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, migrationsFolder } from "./client.js";
import { createTestDatabase, testInfraUrls, type TestDatabase } from "./testing.js";

interface Journal {
  entries: Array<{ tag: string }>;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-migration-"));
let database: TestDatabase;
let url = "";

beforeAll(async () => {
  database = await createTestDatabase(testInfraUrls().pgAdminUrl, { empty: true });
  url = database.url;
});
afterAll(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** The migrations folder as it was just before the email-verification migration. */
function migrationsBefore(tagSuffix: string): string {
  const before = path.join(dir, "before");
  cpSync(migrationsFolder, before, { recursive: true });
  const journalFile = path.join(before, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as Journal;
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tagSuffix));
  expect(at).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return before;
}

it("marks existing staff and invitation-proven addresses confirmed, and nobody else", async () => {
  const { db, pool, close } = createDb(url, { max: 1 });
  try {
    await migrate(db, { migrationsFolder: migrationsBefore("_email_verification") });
    const q = (text: string, values: unknown[] = []) => pool.query(text, values);
    const user = async (username: string, isStaff = false) =>
      (await q(`insert into users (username, email, password_hash, is_staff) values ($1, $2, 'x', $3) returning id`, [username, `${username}@example.test`, isStaff])).rows[0].id as string;
    const staff = await user("old-admin", true);
    const plain = await user("old-plain");
    const invited = await user("old-invited");
    const elsewhere = await user("old-elsewhere");
    const account = (await q(`insert into accounts (name, slug) values ('Old', 'old') returning id`)).rows[0].id as string;
    const org = (await q(`insert into organizations (account_id, name, slug) values ($1, 'Old Org', 'old-org') returning id`, [account])).rows[0].id as string;
    const invitation = `insert into organization_invitations (account_id, organization_id, email, token_hash, expires_at, accepted_at, accepted_by_id) values ($1, $2, $3, $4, now(), now(), $5)`;
    await q(invitation, [account, org, "OLD-INVITED@example.test", "h1", invited]);
    // Accepted by someone whose address differs (the old, unchecked accept): proves nothing about theirs.
    await q(invitation, [account, org, "someone-else@example.test", "h2", elsewhere]);

    await migrate(db, { migrationsFolder });
    const rows = (await q(`select id, email_verified_at from users`)).rows as Array<{ id: string; email_verified_at: Date | null }>;
    const verified = Object.fromEntries(rows.map((r) => [r.id, r.email_verified_at !== null]));
    expect(verified).toEqual({ [staff]: true, [plain]: false, [invited]: true, [elsewhere]: false });
  } finally {
    await close();
  }
});
