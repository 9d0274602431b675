import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import { invitationResponseService } from "@atrium/core";
import { callerFor, startTestApi, type TestApi } from "../testing.js";
import { newUnverifiedUser, newVerifiedUser } from "./identity.test-helpers.js";
import { invitationTokenSentTo, newUser, rest, type TestUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let owner: TestUser;
let accountId: string, orgId: string;

beforeAll(async () => {
  api = await startTestApi({ PUBLIC_URL: "http://atrium.test" });
  owner = await newUser(api, "i-owner");
  accountId = (await owner.call.accounts.create({ name: "Invites Inc" })).id;
  orgId = (await owner.call.organizations.create({ accountId, name: "Invites Org" })).id;
});
afterAll(async () => {
  await api?.close();
});

const invite = (email: string, role = "member") => rest(api, owner.token, "POST", `/v1/organizations/${orgId}/invitations/`, { email, role });
/** The shape of an answer with the values that must differ per invitation blanked out. */
const shapeOf = (body: Record<string, unknown>) => JSON.parse(JSON.stringify(body, (k, v: unknown) => (["id", "email", "expiresAt", "createdAt"].includes(k) ? "*" : v))) as unknown;

describe("inviting a registered address (the reproduced takeover)", () => {
  it("adds nobody: someone who registered the new hire's address before them is not a member, let alone an admin", async () => {
    // M signs up with newhire@corp.test before Corp invites its new hire; M never confirmed it (they can't read that inbox).
    const squatter = await newUnverifiedUser(api, "m-squatter", { email: "newhire@corp.test" });
    const r = await invite("newhire@corp.test", "admin");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "invited", invitation: { email: "newhire@corp.test", role: "admin" } });
    expect((await squatter.call.accounts.memberships()).organizations).toEqual([]);
    const read = await rest(api, squatter.token, "GET", `/v1/organizations/${orgId}/`);
    expect(read.status).toBe(404);
    // The squatter isn't even told the invitation exists.
    await expect(squatter.call.invitations.mine()).resolves.toEqual({ items: [], emailVerified: false });
  });

  it("answers the same whether or not the address has an account", async () => {
    const registered = await newVerifiedUser(api, "i-registered");
    const known = await invite(registered.user.email);
    const unknown = await invite("nobody-here@example.test");
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(shapeOf(known.body)).toEqual(shapeOf(unknown.body));
    expect((await registered.call.accounts.memberships()).organizations).toEqual([]);
  });

  it("can't pull staff into a tenant: the staff user stays out until they accept", async () => {
    const staff = await newVerifiedUser(api, "i-staff", { isStaff: true });
    await invite(staff.user.email, "member");
    expect((await staff.call.accounts.memberships()).organizations).toEqual([]);
    // So the inviter gets no handle on them either.
    expect((await rest(api, owner.token, "PUT", `/v1/users/${staff.user.id}/`, { displayName: "Pwned" })).status).toBe(404);
  });
});

describe("accepting and declining", () => {
  it("lets the confirmed addressee see and accept it by id; they join with the invited role, once", async () => {
    const hire = await newVerifiedUser(api, "i-hire");
    await invite(hire.user.email, "viewer");
    const mine = await rest(api, hire.token, "GET", "/me/invitations/");
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ emailVerified: true, items: [{ organizationId: orgId, organizationName: "Invites Org", role: "viewer", inviterName: "i-owner" }] });
    const invitationId = (mine.body.items as Array<{ id: string }>)[0]?.id;

    const accepted = await rest(api, hire.token, "POST", "/v1/invitations/accept/", { invitationId });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ organizationId: orgId, accountId });
    await expect(hire.call.organizations.get({ id: orgId })).resolves.toMatchObject({ role: "viewer" });
    expect((await hire.call.auth.me()).account?.id).toBe(accountId);
    expect((await hire.call.invitations.mine()).items).toEqual([]);
    expect((await rest(api, hire.token, "POST", "/v1/invitations/accept/", { invitationId })).status).toBe(404);
    const events = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.eventType, "invitation.accepted"));
    expect(events).toEqual([expect.objectContaining({ actorUsername: "i-hire", accountId })]);
    // Now a member, a second invitation is refused as it is for any member the inviter can see.
    expect((await invite(hire.user.email)).status).toBe(409);
  });

  it("accepts with the emailed link's token too, but only for the address it was sent to", async () => {
    const late = await newVerifiedUser(api, "i-late", { email: "late@example.test" });
    const other = await newVerifiedUser(api, "i-other");
    await invite("late@example.test", "member");
    const token = await invitationTokenSentTo(api, "late@example.test");
    const stolen = await rest(api, other.token, "POST", "/v1/invitations/accept/", { token });
    expect(stolen.status).toBe(403);
    expect(stolen.body.message).toBe("This invitation was sent to a different email address");
    expect((await other.call.accounts.memberships()).organizations).toEqual([]);
    expect((await rest(api, late.token, "POST", "/v1/invitations/accept/", { token })).status).toBe(200);
    const reused = await rest(api, late.token, "POST", "/v1/invitations/accept/", { token });
    expect(reused.status).toBe(404);
    expect(reused.body.message).toBe("This invitation is invalid or has expired");
  });

  it("refuses an unconfirmed account with the right address, by id and by token, until it confirms", async () => {
    const pending = await newUnverifiedUser(api, "i-pending", { email: "pending@example.test" });
    const { invitation } = await owner.call.invitations.create({ id: orgId, email: "pending@example.test", role: "member" });
    const token = await invitationTokenSentTo(api, "pending@example.test");
    for (const input of [{ invitationId: invitation.id }, { token }]) {
      const r = await rest(api, pending.token, "POST", "/v1/invitations/accept/", input);
      expect(r.status).toBe(403);
      expect(r.body.message).toMatch(/Confirm your email address first/);
    }
    expect((await pending.call.accounts.memberships()).organizations).toEqual([]);
    await api.svc.db.update(schema.users).set({ emailVerifiedAt: new Date() }).where(eq(schema.users.id, pending.user.id));
    await expect(pending.call.invitations.accept({ invitationId: invitation.id })).resolves.toEqual({ organizationId: orgId, accountId });
  });

  it("answers another person's invitation id as not found", async () => {
    const { invitation } = await owner.call.invitations.create({ id: orgId, email: "someone-else@example.test", role: "admin" });
    const nosy = await newVerifiedUser(api, "i-nosy");
    await expect(nosy.call.invitations.accept({ invitationId: invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(nosy.call.invitations.decline({ invitationId: invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("declining drops it from both lists and kills the link", async () => {
    const shy = await newVerifiedUser(api, "i-shy");
    const { invitation } = await owner.call.invitations.create({ id: orgId, email: shy.user.email, role: "member" });
    const token = await invitationTokenSentTo(api, shy.user.email);
    const r = await rest(api, shy.token, "POST", "/v1/invitations/decline/", { invitationId: invitation.id });
    expect(r.status).toBe(200);
    expect((await shy.call.invitations.mine()).items).toEqual([]);
    expect((await owner.call.invitations.list({ id: orgId })).items.map((i) => i.id)).not.toContain(invitation.id);
    await expect(shy.call.invitations.accept({ token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await shy.call.accounts.memberships()).organizations).toEqual([]);
  });

  it("needs exactly one of id and token, with a field message", async () => {
    const u = await newVerifiedUser(api, "i-bad-input");
    const none = await rest(api, u.token, "POST", "/v1/invitations/accept/", {});
    expect(none.status).toBe(400);
    expect(none.body.data?.fieldErrors?.invitationId).toEqual(["Give the invitation's id or the token from its link"]);
    const bad = await rest(api, u.token, "POST", "/v1/invitations/decline/", { invitationId: "nope" });
    expect(bad.status).toBe(400);
  });
});

describe("invitation links", () => {
  it("emails a new address a signup link whose token is stored only hashed, and lists it as pending", async () => {
    const r = await owner.call.invitations.create({ id: orgId, email: "newbie@example.test", role: "member" });
    expect(r).toMatchObject({ status: "invited", invitation: { email: "newbie@example.test", role: "member" } });
    const [email] = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, "newbie@example.test"));
    expect(email).toMatchObject({ template: "organization_invitation", accountId, status: "queued" });
    expect(email?.subject).toBe("i-owner invited you to Invites Org on Atrium");
    const token = await invitationTokenSentTo(api, "newbie@example.test");
    expect(email?.text).toContain(`http://atrium.test/signup?invitation=${token}`);
    const rows = await api.svc.db.select().from(schema.organizationInvitations);
    expect(JSON.stringify(rows)).not.toContain(token);

    const pending = await owner.call.invitations.list({ id: orgId });
    expect(pending.items.map((i) => i.email)).toContain("newbie@example.test");
    const preview = await rest(api, null, "GET", `/v1/invitations/${token}/`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ organizationName: "Invites Org", email: "newbie@example.test", role: "member" });
  });

  it("refuses revoked and expired tokens with the same message", async () => {
    const user = await newVerifiedUser(api, "i-tries", { email: "tries@example.test" });
    // Revoked with no newer invitation to the address (a replaced one says so instead: see below).
    const r = await owner.call.invitations.create({ id: orgId, email: "tries-old@example.test", role: "member" });
    const revokedToken = await invitationTokenSentTo(api, "tries-old@example.test");
    expect((await rest(api, owner.token, "DELETE", `/v1/organizations/${orgId}/invitations/${r.invitation.id}/`)).status).toBe(200);
    await owner.call.invitations.create({ id: orgId, email: "tries@example.test", role: "member" });
    const expiredToken = await invitationTokenSentTo(api, "tries@example.test");
    await api.svc.db.update(schema.organizationInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.organizationInvitations.email, "tries@example.test"));

    for (const token of [revokedToken, expiredToken, "made-up-token"]) {
      await expect(user.call.invitations.accept({ token })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This invitation is invalid or has expired" });
      await expect(callerFor(api).invitations.get({ token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await user.call.accounts.memberships()).organizations).toEqual([]);
  });

  it("re-inviting an address says it replaced the earlier link, and that link's page says a newer invitation was sent", async () => {
    const user = await newVerifiedUser(api, "i-again", { email: "again@example.test" });
    const first = await invite("again@example.test");
    expect(first.body).toMatchObject({ status: "invited", replacedPrevious: false });
    const oldToken = await invitationTokenSentTo(api, "again@example.test");
    const second = await invite("again@example.test", "admin");
    expect(second.body).toMatchObject({ status: "invited", replacedPrevious: true });
    // The newest of the two emails (the outbox is read in order: a row updated since may sit last on disk).
    const mails = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, "again@example.test")).orderBy(asc(schema.emailOutbox.createdAt));
    const newToken = /\/signup\?invitation=([a-z0-9]+)/.exec(mails.at(-1)?.text ?? "")?.[1] ?? "";
    expect(newToken).not.toBe(oldToken);

    const superseded = "A newer invitation was sent to this address — use the latest email";
    const preview = await rest(api, null, "GET", `/v1/invitations/${oldToken}/`);
    expect(preview.status).toBe(404);
    expect(preview.body.message).toBe(superseded);
    await expect(user.call.invitations.accept({ token: oldToken })).rejects.toMatchObject({ code: "NOT_FOUND", message: superseded });
    // The latest link still works, with the latest role.
    await user.call.invitations.accept({ token: newToken });
    expect((await user.call.accounts.memberships()).organizations).toEqual([expect.objectContaining({ id: orgId, role: "admin" })]);
  });

  it("accepts inside a caller's transaction (as signup does) and rolls back with it", async () => {
    const user = await newVerifiedUser(api, "i-tx", { email: "tx@example.test" });
    await owner.call.invitations.create({ id: orgId, email: "tx@example.test", role: "member" });
    const token = await invitationTokenSentTo(api, "tx@example.test");
    await expect(
      api.deps.db.transaction(async (tx) => {
        await invitationResponseService.acceptInvitation({ ...api.svc, db: tx }, { token, userId: user.user.id });
        throw new Error("signup failed later");
      }),
    ).rejects.toThrow("signup failed later");
    expect((await user.call.accounts.memberships()).organizations).toEqual([]);
    await api.deps.db.transaction((tx) => invitationResponseService.acceptInvitation({ ...api.svc, db: tx }, { token, userId: user.user.id }));
    expect((await user.call.accounts.memberships()).organizations).toEqual([expect.objectContaining({ id: orgId, role: "member" })]);
  });

  it("lets only owners invite owners", async () => {
    const admin = await newVerifiedUser(api, "i-admin");
    const { invitation } = await owner.call.invitations.create({ id: orgId, email: admin.user.email, role: "admin" });
    await admin.call.invitations.accept({ invitationId: invitation.id });
    await expect(admin.call.invitations.create({ id: orgId, email: "boss@example.test", role: "owner" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.call.invitations.create({ id: orgId, email: "peer@example.test", role: "admin" })).resolves.toMatchObject({ status: "invited" });
  });
});
