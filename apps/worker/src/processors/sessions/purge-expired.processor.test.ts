import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { insertUser } from "@atrium/core/testing";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";

let env: TestWorkerEnv;
beforeAll(async () => {
  env = await createTestWorkerEnv();
});
afterAll(async () => {
  await env?.close();
});

describe("sessions.purge-expired", () => {
  it("runs on its schedule at startup, removing expired sessions and keeping live ones", async () => {
    const { db } = env.db;
    const user = await insertUser(db, { username: "purge", email: "purge@example.test", passwordHash: "x" });
    const hour = 3_600_000;
    await db.insert(schema.sessions).values([
      { id: "expired", userId: user.id, expiresAt: new Date(Date.now() - hour) },
      { id: "live", userId: user.id, expiresAt: new Date(Date.now() + hour) },
    ]);

    // An `every` scheduler produces its first job immediately, so no need to wait an interval.
    await env.start();
    // The database is this file's own, so every session in it is one of ours.
    const sessionIds = async () => (await db.select({ id: schema.sessions.id }).from(schema.sessions)).map((r) => r.id);
    await waitFor(async () => !(await sessionIds()).includes("expired"), { what: "the expired session to be purged" });
    expect(await sessionIds()).toEqual(["live"]);
  });
});
