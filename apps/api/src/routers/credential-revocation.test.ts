// The reproduced hole: an API key made during a brief session outlived the victim's password change or reset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { TOutboxEmail } from "@atrium/core";
import { startTestApi, type TestApi } from "../testing.js";
import type { Transport } from "../test-transports.js";
import { bearer, call, IDENTITY_TEST_ENV, idRoutes, routes, signUpUser, STRONG, tokenFor } from "./identity.test-helpers.js";

let api: TestApi;
let staff: string;
beforeAll(async () => {
  api = await startTestApi(IDENTITY_TEST_ENV);
  staff = await tokenFor(api, "admin", "admin123");
});
afterAll(async () => {
  await api.close();
});

const NEW_PASSWORD = "brand new sturdy phrase";
const meStatus = async (token: string) => (await call(api.url, "rest", routes.me, undefined, bearer(token))).status;

/** What the attacker does with a few minutes of someone's session: mint a key that doesn't need the password again. */
async function attackerKey(sessionToken: string): Promise<{ id: string; key: string }> {
  const r = await call(api.url, "rest", routes.createKey, { name: "definitely-not-a-backdoor" }, bearer(sessionToken));
  expect(r.status).toBe(200);
  const key = r.data as { id: string; key: string };
  expect(await meStatus(key.key)).toBe(200);
  return key;
}

async function keyRow(id: string) {
  const [row] = await api.svc.db.select().from(schema.apiKeys).where(eq(schema.apiKeys.id, id));
  return row;
}

async function resetTokenFor(email: string): Promise<string> {
  const r = await call(api.url, "rest", idRoutes.listOutbox, { to: email, limit: 1 }, bearer(staff));
  const token = (r.data as { items: TOutboxEmail[] }).items[0]?.text.match(/reset-password\?token=([a-z0-9]+)/)?.[1];
  if (!token) throw new Error(`no reset email to ${email}`);
  return token;
}

describe.each<Transport>(["rest", "trpc"])("over %s", (transport) => {
  it("a password change revokes every API key by default, and keeps them only when asked", async () => {
    const u = await signUpUser(api, staff, `rv_change_${transport}`);
    const key = await attackerKey(u.token);
    const r = await call(api.url, transport, idRoutes.changePassword, { currentPassword: STRONG, newPassword: NEW_PASSWORD }, bearer(u.token));
    expect(r.status).toBe(200);
    expect(await meStatus(key.key)).toBe(401);
    expect((await keyRow(key.id))?.revokedAt).not.toBeNull();
    expect(await meStatus(u.token)).toBe(200);

    const kept = await attackerKey(u.token);
    const optOut = await call(api.url, transport, idRoutes.changePassword, { currentPassword: NEW_PASSWORD, newPassword: "another sturdy phrase", revokeApiKeys: false }, bearer(u.token));
    expect(optOut.status).toBe(200);
    expect(await meStatus(kept.key)).toBe(200);
    const [audit] = await api.svc.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.targetId, u.id), eq(schema.auditEvents.eventType, "password.changed")))
      .orderBy(schema.auditEvents.occurredAt)
      .limit(1);
    expect(audit?.details).toMatchObject({ revokedApiKeys: 1 });
  });

  it("a password reset by emailed link ends every session and revokes every API key", async () => {
    const u = await signUpUser(api, staff, `rv_reset_${transport}`);
    const key = await attackerKey(u.token);
    expect((await call(api.url, "rest", idRoutes.requestReset, { email: u.email })).status).toBe(200);
    const token = await resetTokenFor(u.email);
    const r = await call(api.url, transport, idRoutes.confirmReset, { token, newPassword: NEW_PASSWORD });
    expect(r.status).toBe(200);
    expect(await meStatus(key.key)).toBe(401);
    expect(await meStatus(u.token)).toBe(401);
    expect((await keyRow(key.id))?.revokedAt).not.toBeNull();
  });

  it("an admin reset ends every session and revokes every API key", async () => {
    const u = await signUpUser(api, staff, `rv_admin_${transport}`);
    const key = await attackerKey(u.token);
    const r = await call(api.url, transport, idRoutes.adminResetPassword, { id: u.id, newPassword: NEW_PASSWORD }, bearer(staff));
    expect(r.status).toBe(200);
    expect(await meStatus(key.key)).toBe(401);
    expect(await meStatus(u.token)).toBe(401);
    expect((await keyRow(key.id))?.revokedAt).not.toBeNull();
  });
});

it("refuses a non-boolean revokeApiKeys with a field message", async () => {
  const u = await signUpUser(api, staff, "rv_bad_flag");
  const r = await call(api.url, "rest", idRoutes.changePassword, { currentPassword: STRONG, newPassword: NEW_PASSWORD, revokeApiKeys: "sometimes" }, bearer(u.token));
  expect(r.status).toBe(400);
  expect(r.error?.fieldErrors?.revokeApiKeys).toEqual(["Use true or false"]);
});
