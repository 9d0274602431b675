// Issue 13: each api process answers authenticated calls from an in-process session cache.
// A logout, a disable, a password change or an account role change on one process must reach the other at once over
// Redis pub/sub, not after SESSION_CACHE_TTL_MS: the TTL here is a minute (the most the config allows), so a refusal
// within the five seconds this test waits can only come from the invalidation message.
import { randomBytes } from "node:crypto";
import { freePort } from "@atrium/db/embedded";
import { schema } from "@atrium/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSpec, startService, stopAllServices, waitForApi, createTestStack, type TestStack } from "@atrium/testing";
import { call, token } from "./rest.js";

let stack: TestStack;
const apis: string[] = [];
let admin = "";

beforeAll(async () => {
  stack = await createTestStack({ SESSION_CACHE_TTL_MS: "60000", RATE_LIMIT_ENABLED: "false", SIGNUP_MODE: "open", LOG_LEVEL: "warn" });
  const ports = [await freePort(), await freePort()];
  const services = ports.map((port, i) => startService(apiSpec("dev", { ...stack.env, API_PORT: String(port) }, `api-${i + 1}`)));
  for (const [i, service] of services.entries()) apis.push(await waitForApi(service, ports[i] ?? 0));
  admin = await token(apis[0] ?? "", "admin", "admin123");
}, 120_000);

afterAll(async () => {
  await stopAllServices();
  await stack?.db.drop();
});

const [one, two] = [() => apis[0] ?? "", () => apis[1] ?? ""];

async function newUser(): Promise<{ id: string; username: string; password: string }> {
  const username = `u${randomBytes(4).toString("hex")}`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const res = await call(one(), "POST", "/api/auth/signup/", undefined, { username, email: `${username}@example.test`, password });
  expect(res.status).toBe(200);
  const me = await call(one(), "GET", "/api/me/", await token(one(), username, password));
  return { id: String((me.body.user as { id: string }).id), username, password };
}

/** `me` on both processes, twice: from here on each answers this token from its cache. */
async function cachedOnBoth(bearer: string) {
  for (const base of [one(), two(), one(), two()]) expect((await call(base, "GET", "/api/me/", bearer)).status).toBe(200);
}

/** The status `me` answers on `base`, once the invalidation has had a moment to arrive (far below the TTL). */
async function settledStatus(base: string, bearer: string, expected: number): Promise<number> {
  let status = 0;
  for (let i = 0; i < 50; i++) {
    status = (await call(base, "GET", "/api/me/", bearer)).status;
    if (status === expected) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return status;
}

describe("the session cache across two api processes", () => {
  it("a user disabled on one process is refused by the other", async () => {
    const user = await newUser();
    const bearer = await token(one(), user.username, user.password);
    await cachedOnBoth(bearer);
    expect((await call(one(), "PATCH", `/api/admin/users/${user.id}/`, admin, { isActive: false })).status).toBe(200);
    expect(await settledStatus(two(), bearer, 401)).toBe(401);
    expect((await call(one(), "GET", "/api/me/", bearer)).status).toBe(401);
  });

  it("a session logged out on one process is refused by the other", async () => {
    const user = await newUser();
    const bearer = await token(one(), user.username, user.password);
    await cachedOnBoth(bearer);
    expect((await call(one(), "POST", "/api/auth/logout/", bearer)).status).toBe(200);
    expect(await settledStatus(two(), bearer, 401)).toBe(401);
  });

  it("a password change on one process ends the user's other sessions on the other", async () => {
    const user = await newUser();
    const current = await token(one(), user.username, user.password);
    const other = await token(two(), user.username, user.password);
    await cachedOnBoth(current);
    await cachedOnBoth(other);
    const changed = await call(one(), "POST", "/api/auth/password/change/", current, { currentPassword: user.password, newPassword: `new-${randomBytes(8).toString("hex")}` });
    expect(changed.status).toBe(200);
    expect(await settledStatus(two(), other, 401)).toBe(401);
    // The session that made the change lives on, on both processes.
    expect((await call(two(), "GET", "/api/me/", current)).status).toBe(200);
    expect((await call(one(), "GET", "/api/me/", current)).status).toBe(200);
  });

  it("a display name changed on one process shows on the other", async () => {
    const user = await newUser();
    const bearer = await token(one(), user.username, user.password);
    await cachedOnBoth(bearer);
    expect((await call(one(), "PATCH", `/api/admin/users/${user.id}/`, admin, { displayName: "Renamed" })).status).toBe(200);
    let name: unknown;
    for (let i = 0; i < 50 && name !== "Renamed"; i++) {
      name = ((await call(two(), "GET", "/api/me/", bearer)).body.user as { displayName?: string }).displayName;
      if (name !== "Renamed") await new Promise((r) => setTimeout(r, 100));
    }
    expect(name).toBe("Renamed");
  });

  it("an account role changed on one process shows in me on the other", async () => {
    // The owner's account, with a second user in it as a plain member (seeded: an invitation needs a verified mailbox).
    const owner = await newUser();
    const ownerToken = await token(one(), owner.username, owner.password);
    const accountId = String(((await call(one(), "GET", "/api/me/", ownerToken)).body.account as { id: string }).id);
    const member = await newUser();
    await stack.db.db.update(schema.users).set({ accountId }).where(eq(schema.users.id, member.id));
    await stack.db.db.insert(schema.accountMembers).values({ accountId, userId: member.id, role: "member" });
    const bearer = await token(one(), member.username, member.password);
    await cachedOnBoth(bearer);
    expect((await call(two(), "GET", "/api/me/", bearer)).body.accountRole).toBe("member");

    expect((await call(one(), "PATCH", `/api/accounts/${accountId}/members/${member.id}/`, ownerToken, { role: "admin" })).status).toBe(200);
    let role: unknown;
    for (let i = 0; i < 50 && role !== "admin"; i++) {
      role = (await call(two(), "GET", "/api/me/", bearer)).body.accountRole;
      if (role !== "admin") await new Promise((r) => setTimeout(r, 100));
    }
    expect(role).toBe("admin");

    // Removed from the account: no role any more, on either process.
    expect((await call(one(), "DELETE", `/api/accounts/${accountId}/members/${member.id}/`, ownerToken)).status).toBe(200);
    for (let i = 0; i < 50 && role !== null; i++) {
      role = (await call(two(), "GET", "/api/me/", bearer)).body.accountRole;
      if (role !== null) await new Promise((r) => setTimeout(r, 100));
    }
    expect(role).toBeNull();
  });
});
