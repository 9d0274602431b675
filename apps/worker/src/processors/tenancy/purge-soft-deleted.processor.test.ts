import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentKey, storageFromConfig } from "@atrium/core";
import { schema } from "@atrium/db";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";

let env: TestWorkerEnv;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-purge-"));
  env = await createTestWorkerEnv({ SOFT_DELETE_RETENTION_DAYS: "30", DATA_DIR: dataDir });
});
afterAll(async () => {
  await env?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
/** Where the local storage keeps a key: DATA_DIR/storage/<key>. */
const onDisk = (key: string) => path.join(dataDir, "storage", ...key.split("/"));

/** A document row with its bytes in the local storage, as an upload leaves it; `deletedAt` makes it soft-deleted. */
async function storedDocument(accountId: string, deletedAt: Date | null = null): Promise<{ id: string; key: string }> {
  const id = randomUUID();
  const key = documentKey(accountId, id, "cv.txt");
  await storageFromConfig(env.config).put(key, Buffer.from("Jane Doe, engineer"), { contentType: "text/plain" });
  await env.db.db.insert(schema.documents).values({ id, accountId, filename: "cv.txt", mimeType: "text/plain", sizeBytes: 18, sha256: "0".repeat(64), storageKey: key, deletedAt });
  return { id, key };
}

describe("scheduled purges", () => {
  it("purge accounts deleted longer than the retention with every stored file, and deleted documents' files and rows; recent and live ones stay", async () => {
    const { db } = env.db;
    const [old, recent, live] = await db
      .insert(schema.accounts)
      .values([
        { name: "Old", slug: "old", deletedAt: daysAgo(31) },
        { name: "Recent", slug: "recent", deletedAt: daysAgo(1) },
        { name: "Live", slug: "live" },
      ])
      .returning();
    if (!old || !recent || !live) throw new Error("no accounts");
    const oldFile = await storedDocument(old.id);
    const recentFile = await storedDocument(recent.id);
    const liveFile = await storedDocument(live.id);
    const deletedLongAgo = await storedDocument(live.id, daysAgo(40));
    const deletedYesterday = await storedDocument(live.id, daysAgo(1));
    for (const f of [oldFile, recentFile, liveFile, deletedLongAgo, deletedYesterday]) expect(existsSync(onDisk(f.key))).toBe(true);

    await env.start();
    const slugs = async () => (await db.select({ slug: schema.accounts.slug }).from(schema.accounts)).map((r) => r.slug);
    await waitFor(async () => !(await slugs()).includes("old"), { what: "the old account to be purged" });
    const docRow = async (id: string) => (await db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.id, id)))[0];
    await waitFor(async () => !(await docRow(deletedLongAgo.id)), { what: "the long-deleted document to be purged" });

    expect((await slugs()).sort()).toEqual(["live", "recent"]);
    // The purged account's whole folder is gone, not just its rows.
    expect(existsSync(onDisk(oldFile.key))).toBe(false);
    expect(existsSync(path.join(dataDir, "storage", "accounts", old.id))).toBe(false);
    expect(existsSync(onDisk(deletedLongAgo.key))).toBe(false);
    for (const kept of [recentFile, liveFile, deletedYesterday]) {
      expect(existsSync(onDisk(kept.key))).toBe(true);
      expect(await docRow(kept.id)).toBeDefined();
    }
  });
});
