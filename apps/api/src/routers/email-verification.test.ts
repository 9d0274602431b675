import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { TUser } from "@atrium/core";
import { startTestApi, type TestApi } from "../testing.js";
import type { Transport } from "../test-transports.js";
import { bearer, call, IDENTITY_TEST_ENV, idRoutes, newVerifiedUser, routes, signUpUser, STRONG, tokenFor, verificationTokenSentTo } from "./identity.test-helpers.js";
import { invitationTokenSentTo } from "./tenancy.test-helpers.js";

let api: TestApi;
let staff: string;
beforeAll(async () => {
  api = await startTestApi({ ...IDENTITY_TEST_ENV, PUBLIC_URL: "http://atrium.test" });
  staff = await tokenFor(api, "admin", "admin123");
});
afterAll(async () => {
  await api.close();
});

const INVALID = "This confirmation link is invalid or has expired";
const me = async (token: string) => ((await call(api.url, "rest", routes.me, undefined, bearer(token))).data as { user: TUser }).user;

describe.each<Transport>(["rest", "trpc"])("confirming an address over %s", (transport) => {
  it("signup mails a single-use link (stored only hashed) that confirms the address once", async () => {
    const u = await signUpUser(api, staff, `ev_${transport}`);
    expect((await me(u.token)).emailVerifiedAt).toBeNull();
    const token = await verificationTokenSentTo(api, u.email);
    // The outbox holds the mail itself; the token table only its hash.
    expect(JSON.stringify(await api.svc.db.select().from(schema.emailVerificationTokens))).not.toContain(token);

    const ok = await call(api.url, transport, idRoutes.verifyEmail, { token });
    expect(ok.status).toBe(200);
    expect((await me(u.token)).emailVerifiedAt).not.toBeNull();
    const again = await call(api.url, transport, idRoutes.verifyEmail, { token });
    expect(again.status).toBe(400);
    expect(again.error?.fieldErrors).toEqual({ token: [INVALID] });
  });

  it("resend mails a fresh link and kills the older one; expired links don't work", async () => {
    const u = await signUpUser(api, staff, `ev_resend_${transport}`);
    const first = await verificationTokenSentTo(api, u.email);
    const r = await call(api.url, transport, idRoutes.resendVerification, undefined, bearer(u.token));
    expect(r.status).toBe(200);
    const second = await verificationTokenSentTo(api, u.email);
    expect(second).not.toBe(first);
    expect((await call(api.url, transport, idRoutes.verifyEmail, { token: first })).status).toBe(400);
    await api.svc.db.update(schema.emailVerificationTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.emailVerificationTokens.userId, u.id));
    expect((await call(api.url, transport, idRoutes.verifyEmail, { token: second })).status).toBe(400);
    expect((await me(u.token)).emailVerifiedAt).toBeNull();
  });
});

describe("changing the address", () => {
  it("needs the current password, starts unverified, and only the new address's link confirms it", async () => {
    const u = await signUpUser(api, staff, "ev_mover");
    const oldLink = await verificationTokenSentTo(api, u.email);
    const wrong = await call(api.url, "rest", idRoutes.changeEmail, { currentPassword: "not it at all", email: "moved@example.com" }, bearer(u.token));
    expect(wrong.status).toBe(400);
    expect(wrong.error?.fieldErrors).toEqual({ currentPassword: ["Your current password is incorrect"] });
    const taken = await call(api.url, "rest", idRoutes.changeEmail, { currentPassword: STRONG, email: "admin@atrium.local" }, bearer(u.token));
    expect(taken.status).toBe(409);
    expect(taken.error?.fieldErrors).toEqual({ email: ["An account with this email already exists"] });

    const moved = await call(api.url, "rest", idRoutes.changeEmail, { currentPassword: STRONG, email: "Moved@Example.com" }, bearer(u.token));
    expect(moved.status).toBe(200);
    expect(moved.data).toMatchObject({ email: "moved@example.com", emailVerifiedAt: null });
    // A link mailed to the old address must not vouch for the new one.
    expect((await call(api.url, "rest", idRoutes.verifyEmail, { token: oldLink })).status).toBe(400);
    expect((await me(u.token)).emailVerifiedAt).toBeNull();
    const newLink = await verificationTokenSentTo(api, "moved@example.com");
    expect((await call(api.url, "rest", idRoutes.verifyEmail, { token: newLink })).status).toBe(200);
    expect(await me(u.token)).toMatchObject({ email: "moved@example.com", emailVerifiedAt: expect.any(String) });
  });

  it("a verified user who changes address is unverified again and can't accept invitations to the new one", async () => {
    const owner = await newVerifiedUser(api, "ev-owner");
    const account = await owner.call.accounts.create({ name: "EV Inc" });
    const org = await owner.call.organizations.create({ accountId: account.id, name: "EV Org" });
    const u = await signUpUser(api, staff, "ev_switch");
    await call(api.url, "rest", idRoutes.verifyEmail, { token: await verificationTokenSentTo(api, u.email) });
    const { invitation } = await owner.call.invitations.create({ id: org.id, email: "ceo@ev.example", role: "admin" });
    expect((await call(api.url, "rest", idRoutes.changeEmail, { currentPassword: STRONG, email: "ceo@ev.example" }, bearer(u.token))).status).toBe(200);
    const accept = await fetch(`${api.url}/api/v1/invitations/accept/`, { method: "POST", headers: { authorization: `Bearer ${u.token}`, "content-type": "application/json" }, body: JSON.stringify({ invitationId: invitation.id }) });
    expect(accept.status).toBe(403);
  });
});

describe("addresses proven another way", () => {
  it("signing up through an invitation link confirms the address (the link was mailed to it); another address is refused", async () => {
    const owner = await newVerifiedUser(api, "ev-inviter");
    const account = await owner.call.accounts.create({ name: "Link Inc" });
    const org = await owner.call.organizations.create({ accountId: account.id, name: "Link Org" });
    await owner.call.invitations.create({ id: org.id, email: "linked@example.com", role: "member" });
    const token = await invitationTokenSentTo(api, "linked@example.com");

    const elsewhere = await call(api.url, "rest", idRoutes.signup, { username: "not_linked", email: "elsewhere@example.com", password: STRONG, invitationToken: token });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.error?.fieldErrors).toEqual({ email: ["Sign up with the address this invitation was sent to"] });

    const r = await call(api.url, "rest", idRoutes.signup, { username: "linked", email: "linked@example.com", password: STRONG, invitationToken: token });
    expect(r.status).toBe(200);
    expect((r.data as { user: TUser }).user.emailVerifiedAt).not.toBeNull();
    const mails = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, "linked@example.com"));
    expect(mails.map((m) => m.template)).not.toContain("verify_email");
  });

  it("a password reset by the mailed link confirms the address and evicts whoever registered it first", async () => {
    const squatter = await signUpUser(api, staff, "ev_squatter");
    expect((await call(api.url, "rest", idRoutes.requestReset, { email: squatter.email })).status).toBe(200);
    const mails = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, squatter.email));
    const resetToken = mails.map((m) => m.text.match(/reset-password\?token=([a-z0-9]+)/)?.[1]).find(Boolean);
    expect((await call(api.url, "rest", idRoutes.confirmReset, { token: resetToken, newPassword: "the real owner is back" })).status).toBe(200);
    expect((await call(api.url, "rest", routes.me, undefined, bearer(squatter.token))).status).toBe(401);
    const [row] = await api.svc.db.select().from(schema.users).where(eq(schema.users.id, squatter.id));
    expect(row?.emailVerifiedAt).not.toBeNull();
  });

  it("the bootstrap admin's address counts as confirmed", async () => {
    expect((await me(staff)).emailVerifiedAt).not.toBeNull();
  });
});
