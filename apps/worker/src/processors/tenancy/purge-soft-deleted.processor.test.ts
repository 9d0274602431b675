import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";

let env: TestWorkerEnv;
beforeAll(async () => {
  env = await createTestWorkerEnv({ SOFT_DELETE_RETENTION_DAYS: "30" });
});
afterAll(async () => {
  await env?.close();
});

describe("tenancy.purge-soft-deleted", () => {
  it("runs on its schedule, purging rows deleted longer than the retention and keeping recent ones", async () => {
    const { db } = env.db;
    const day = 86_400_000;
    await db.insert(schema.accounts).values([
      { name: "Old", slug: "old", deletedAt: new Date(Date.now() - 31 * day) },
      { name: "Recent", slug: "recent", deletedAt: new Date(Date.now() - day) },
      { name: "Live", slug: "live" },
    ]);
    await env.start();
    const slugs = async () => (await db.select({ slug: schema.accounts.slug }).from(schema.accounts)).map((r) => r.slug);
    await waitFor(async () => !(await slugs()).includes("old"), { what: "the old account to be purged" });
    expect((await slugs()).sort()).toEqual(["live", "recent"]);
  });
});
