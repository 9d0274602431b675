import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import { acceptInvitation } from "@atrium/core";
import { callerFor, startTestApi, type TestApi } from "../testing.js";
import { invitationTokenSentTo, newUser, rest, type TestUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let owner: TestUser;
let accountId: string, orgId: string;

beforeAll(async () => {
  api = await startTestApi({ PUBLIC_URL: "http://atrium.test" });
  owner = await newUser(api, "i-owner");
  accountId = (await owner.call.account.create({ name: "Invites Inc" })).id;
  orgId = (await owner.call.organization.create({ accountId, name: "Invites Org" })).id;
});
afterAll(async () => {
  await api?.close();
});

describe("inviting by email", () => {
  it("adds an existing user at once, into the account too", async () => {
    const existing = await newUser(api, "i-existing");
    const r = await rest(api, owner.token, "POST", `/v1/organizations/${orgId}/invitations/`, { email: "I-Existing@Example.test", role: "admin" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "added", member: { userId: existing.user.id, role: "admin" } });
    const mine = await existing.call.myMemberships();
    expect(mine.accounts).toEqual([expect.objectContaining({ id: accountId, role: "member" })]);
    expect(mine.organizations).toEqual([expect.objectContaining({ id: orgId, role: "admin" })]);
    const again = await rest(api, owner.token, "POST", `/v1/organizations/${orgId}/invitations/`, { email: existing.user.email });
    expect(again.status).toBe(409);
  });

  it("emails a new address a signup link whose token is stored only hashed, and lists it as pending", async () => {
    const r = await owner.call.invitation.create({ id: orgId, email: "newbie@example.test", role: "member" });
    expect(r).toMatchObject({ status: "invited", invitation: { email: "newbie@example.test", role: "member" } });
    const [email] = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, "newbie@example.test"));
    expect(email).toMatchObject({ template: "organization_invitation", accountId, status: "queued" });
    expect(email?.subject).toBe("i-owner invited you to Invites Org on Atrium");
    const token = await invitationTokenSentTo(api, "newbie@example.test");
    expect(email?.text).toContain(`http://atrium.test/signup?invitation=${token}`);
    const rows = await api.svc.db.select().from(schema.organizationInvitations);
    expect(JSON.stringify(rows)).not.toContain(token);

    const pending = await owner.call.invitation.list({ id: orgId });
    expect(pending.items.map((i) => i.email)).toEqual(["newbie@example.test"]);
    const preview = await rest(api, null, "GET", `/v1/invitations/${token}/`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ organizationName: "Invites Org", email: "newbie@example.test", role: "member" });
  });

  it("lets a logged-in user accept once; the link is used up", async () => {
    await owner.call.invitation.create({ id: orgId, email: "late@example.test", role: "viewer" });
    const token = await invitationTokenSentTo(api, "late@example.test");
    const late = await newUser(api, "i-late");
    const accepted = await rest(api, late.token, "POST", "/v1/invitations/accept/", { token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ organizationId: orgId, accountId });
    await expect(late.call.organization.get({ id: orgId })).resolves.toMatchObject({ role: "viewer" });
    const me = await late.call.me();
    expect(me.account?.id).toBe(accountId);

    const reused = await rest(api, late.token, "POST", "/v1/invitations/accept/", { token });
    expect(reused.status).toBe(404);
    expect(reused.body.message).toBe("This invitation is invalid or has expired");
    const events = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.eventType, "invitation.accepted"));
    expect(events).toEqual([expect.objectContaining({ actorUsername: "i-late", accountId })]);
  });

  it("refuses revoked and expired tokens with the same message", async () => {
    const r = await owner.call.invitation.create({ id: orgId, email: "revoked@example.test", role: "member" });
    if (r.status !== "invited") throw new Error("expected an invitation");
    const revokedToken = await invitationTokenSentTo(api, "revoked@example.test");
    const revoked = await rest(api, owner.token, "DELETE", `/v1/organizations/${orgId}/invitations/${r.invitation.id}/`);
    expect(revoked.status).toBe(200);

    await owner.call.invitation.create({ id: orgId, email: "expired@example.test", role: "member" });
    const expiredToken = await invitationTokenSentTo(api, "expired@example.test");
    await api.svc.db.update(schema.organizationInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.organizationInvitations.email, "expired@example.test"));

    const user = await newUser(api, "i-tries");
    for (const token of [revokedToken, expiredToken, "made-up-token"]) {
      await expect(user.call.invitation.accept({ token })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This invitation is invalid or has expired" });
      await expect(callerFor(api).invitation.get({ token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await user.call.myMemberships()).organizations).toEqual([]);
  });

  it("accepts inside a caller's transaction (as signup does) and rolls back with it", async () => {
    await owner.call.invitation.create({ id: orgId, email: "tx@example.test", role: "member" });
    const token = await invitationTokenSentTo(api, "tx@example.test");
    const user = await newUser(api, "i-tx");
    await expect(
      api.deps.db.transaction(async (tx) => {
        await acceptInvitation({ ...api.svc, db: tx }, { token, userId: user.user.id });
        throw new Error("signup failed later");
      }),
    ).rejects.toThrow("signup failed later");
    expect((await user.call.myMemberships()).organizations).toEqual([]);
    await api.deps.db.transaction((tx) => acceptInvitation({ ...api.svc, db: tx }, { token, userId: user.user.id }));
    expect((await user.call.myMemberships()).organizations).toEqual([expect.objectContaining({ id: orgId, role: "member" })]);
  });

  it("lets only owners invite owners", async () => {
    const admin = await newUser(api, "i-admin");
    await owner.call.invitation.create({ id: orgId, email: admin.user.email, role: "admin" });
    await expect(admin.call.invitation.create({ id: orgId, email: "boss@example.test", role: "owner" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.call.invitation.create({ id: orgId, email: "peer@example.test", role: "admin" })).resolves.toMatchObject({ status: "invited" });
  });
});
