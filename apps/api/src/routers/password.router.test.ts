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

const RESET_ANSWER = { ok: true, message: "If that address has an account, we've sent a reset link." };
const INVALID_LINK = "This reset link is invalid or has expired";
const status = async (token: string) => (await call(api.url, "rest", routes.me, undefined, bearer(token))).status;
const events = async (userId: string, eventType: string) =>
  api.svc.db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.targetId, userId), eq(schema.auditEvents.eventType, eventType)));

/** The newest outbox email to an address, read the way an admin would: through the outbox endpoint. */
async function newestEmail(to: string): Promise<TOutboxEmail | undefined> {
  const r = await call(api.url, "rest", idRoutes.listOutbox, { to, limit: 1 }, bearer(staff));
  expect(r.status).toBe(200);
  return (r.data as { items: TOutboxEmail[] }).items[0];
}
const tokenIn = (email: TOutboxEmail | undefined) => email?.text.match(/reset-password\?token=([a-z0-9]+)/)?.[1];

describe.each<Transport>(["rest", "trpc"])("change password over %s", (transport) => {
  it("needs the current password, applies the policy, keeps this session and ends the others", async () => {
    const u = await signUpUser(api, staff, `kim_${transport}`);
    const other = await tokenFor(api, `kim_${transport}`, STRONG);

    const wrong = await call(api.url, transport, idRoutes.changePassword, { currentPassword: "nope-nope-nope", newPassword: "brand new sturdy phrase" }, bearer(u.token));
    expect(wrong.status).toBe(400);
    expect(wrong.error?.fieldErrors).toEqual({ currentPassword: ["Your current password is incorrect"] });
    const weak = await call(api.url, transport, idRoutes.changePassword, { currentPassword: STRONG, newPassword: "password1" }, bearer(u.token));
    expect(weak.status).toBe(400);
    expect(weak.error?.fieldErrors?.newPassword).toEqual(["Too common: it appears in lists of leaked passwords"]);
    const same = await call(api.url, transport, idRoutes.changePassword, { currentPassword: STRONG, newPassword: STRONG }, bearer(u.token));
    expect(same.error?.fieldErrors?.newPassword).toEqual(["Choose a password different from your current one"]);
    expect(await status(other)).toBe(200);

    const ok = await call(api.url, transport, idRoutes.changePassword, { currentPassword: STRONG, newPassword: "brand new sturdy phrase" }, bearer(u.token));
    expect(ok.status).toBe(200);
    expect(await status(u.token)).toBe(200);
    expect(await status(other)).toBe(401);
    expect((await call(api.url, "rest", routes.login, { username: `kim_${transport}`, password: STRONG })).status).toBe(401);
    expect((await call(api.url, "rest", routes.login, { username: `kim_${transport}`, password: "brand new sturdy phrase" })).status).toBe(200);
    const [user] = await api.svc.db.select().from(schema.users).where(eq(schema.users.id, u.id));
    expect(user?.passwordChangedAt?.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(await events(u.id, "password.changed")).toHaveLength(1);
  });

  it("requires authentication", async () => {
    const r = await call(api.url, transport, idRoutes.changePassword, { currentPassword: "a", newPassword: "b" });
    expect(r.status).toBe(401);
  });
});

describe("password reset through the outbox", () => {
  it("works end to end for the admin: mail, link, new password, old sessions out, token single use", async () => {
    const oldSession = await tokenFor(api, "admin", "admin123");
    const r = await call(api.url, "rest", idRoutes.requestReset, { email: "Admin@Atrium.local" });
    expect(r.status).toBe(200);
    expect(r.data).toEqual(RESET_ANSWER);

    const email = await newestEmail("admin@atrium.local");
    expect(email).toMatchObject({ template: "password_reset", subject: "Reset your Atrium password", toAddress: "admin@atrium.local" });
    expect(email?.text).toContain("http://localhost:3000/reset-password?token=");
    const token = tokenIn(email);
    expect(token).toBeTruthy();
    const got = await call(api.url, "trpc", idRoutes.getOutbox, { id: email?.id }, bearer(staff));
    expect(got.data).toMatchObject({ id: email?.id, html: expect.stringContaining(token ?? "?") });

    const weak = await call(api.url, "rest", idRoutes.confirmReset, { token, newPassword: "12345678" });
    expect(weak.status).toBe(400);
    expect(weak.error?.fieldErrors?.newPassword).toContain("Can't be only digits");

    const ok = await call(api.url, "rest", idRoutes.confirmReset, { token, newPassword: "fresh operator passphrase" });
    expect(ok.status).toBe(200);
    expect(await status(oldSession)).toBe(401);
    expect(await status(staff)).toBe(401);
    expect((await call(api.url, "rest", routes.login, { username: "admin", password: "admin123" })).status).toBe(401);
    staff = await tokenFor(api, "admin", "fresh operator passphrase");

    const again = await call(api.url, "rest", idRoutes.confirmReset, { token, newPassword: "another operator passphrase" });
    expect(again.status).toBe(400);
    expect(again.error?.fieldErrors).toEqual({ token: [INVALID_LINK] });
    const admin = await api.svc.db.select().from(schema.users).where(eq(schema.users.username, "admin"));
    const adminId = admin[0]?.id ?? "";
    expect(await events(adminId, "password.reset_requested")).toHaveLength(1);
    expect(await events(adminId, "password.reset")).toHaveLength(1);
  });

  it("gives unknown and disabled addresses the same answer, in similar time, and mails nothing", async () => {
    const u = await signUpUser(api, staff, "lena");
    await api.svc.db.update(schema.users).set({ isActive: false }).where(eq(schema.users.id, u.id));
    const mailsBefore = (await api.svc.db.select().from(schema.emailOutbox)).length;
    const timed = async (email: string) => {
      const t = performance.now();
      const r = await call(api.url, "trpc", idRoutes.requestReset, { email });
      return { r, ms: performance.now() - t };
    };
    const unknown = await timed("nobody@example.com");
    const disabled = await timed(u.email);
    const known = await timed("admin@atrium.local");
    for (const x of [unknown, disabled, known]) expect(x.r).toMatchObject({ status: 200, data: RESET_ANSWER });
    // Both wait out the same floor (250 ms), so the extra writes for a known address don't show.
    for (const x of [unknown, disabled, known]) expect(x.ms).toBeGreaterThanOrEqual(240);
    expect(Math.abs(unknown.ms - known.ms), `unknown ${unknown.ms} ms, known ${known.ms} ms`).toBeLessThan(250);
    expect((await api.svc.db.select().from(schema.emailOutbox)).length).toBe(mailsBefore + 1);

    const bad = await call(api.url, "rest", idRoutes.requestReset, { email: "not an email" });
    expect(bad.status).toBe(400);
  });

  it("refuses unknown, expired and used tokens alike; a token works once even when raced", async () => {
    const u = await signUpUser(api, staff, "mallory");
    const request = async () => {
      await call(api.url, "rest", idRoutes.requestReset, { email: u.email });
      return tokenIn(await newestEmail(u.email)) ?? "";
    };
    expect((await call(api.url, "rest", idRoutes.confirmReset, { token: "made-up-token", newPassword: "fresh mallory phrase" })).error?.message).toBe(INVALID_LINK);

    const expiring = await request();
    await api.svc.db.update(schema.passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.passwordResetTokens.userId, u.id));
    const expired = await call(api.url, "rest", idRoutes.confirmReset, { token: expiring, newPassword: "fresh mallory phrase" });
    expect(expired.status).toBe(400);
    expect(expired.error?.message).toBe(INVALID_LINK);

    const token = await request();
    const results = await Promise.all(
      ["first racing phrase", "second racing phrase", "third racing phrase"].map((newPassword) => call(api.url, "rest", idRoutes.confirmReset, { token, newPassword })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    expect(await events(u.id, "password.reset")).toHaveLength(1);
    expect(await status(u.token)).toBe(401);
  });

  it("a password change kills reset links mailed before it", async () => {
    const u = await signUpUser(api, staff, "nina");
    await call(api.url, "rest", idRoutes.requestReset, { email: u.email });
    const token = tokenIn(await newestEmail(u.email));
    const changed = await call(api.url, "rest", idRoutes.changePassword, { currentPassword: STRONG, newPassword: "nothing to see here" }, bearer(u.token));
    expect(changed.status).toBe(200);
    const r = await call(api.url, "rest", idRoutes.confirmReset, { token, newPassword: "sneaky takeover phrase" });
    expect(r.error?.message).toBe(INVALID_LINK);
  });
});
