// Who may change a user record, and who counts as the owner an account can't lose.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { newVerifiedUser } from "./identity.test-helpers.js";
import { inviteAndAccept, rest, type TestUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let staff: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  staff = await newVerifiedUser(api, "ur-staff", { isStaff: true });
});
afterAll(async () => {
  await api?.close();
});

/** An account with an organization and its owner. */
async function tenantOf(prefix: string) {
  const owner = await newVerifiedUser(api, `${prefix}-owner`);
  const account = await owner.call.accounts.create({ name: `${prefix} Inc` });
  const org = await owner.call.organizations.create({ accountId: account.id, name: `${prefix} Org` });
  return { owner, account, org };
}

const setUser = (id: string, values: Partial<typeof schema.users.$inferInsert>) => api.svc.db.update(schema.users).set(values).where(eq(schema.users.id, id));

describe("your user record is yours", () => {
  it("an admin of an account you joined can't rename you; you and staff can", async () => {
    const { owner, org } = await tenantOf("ur-evil");
    const victim = await newVerifiedUser(api, "ur-victim");
    await inviteAndAccept(owner, org.id, victim, "member");
    const r = await rest(api, owner.token, "PUT", `/v1/users/${victim.user.id}/`, { displayName: "Owned by Evil" });
    expect(r.status).toBe(403);
    await expect(victim.call.users.get({ id: victim.user.id })).resolves.toMatchObject({ displayName: null });
    expect((await rest(api, victim.token, "PUT", `/v1/users/${victim.user.id}/`, { displayName: "Vic" })).status).toBe(200);
    expect((await rest(api, staff.token, "PUT", `/v1/users/${victim.user.id}/`, { displayName: "Vic T." })).status).toBe(200);
  });
});

describe("the last owner", () => {
  it("a disabled co-owner doesn't count: the only live owner can't step down or leave", async () => {
    const { owner, account, org } = await tenantOf("ur-dis");
    const coOwner = await newVerifiedUser(api, "ur-dis-co");
    await inviteAndAccept(owner, org.id, coOwner, "owner");
    await owner.call.accounts.updateMember({ id: account.id, userId: coOwner.user.id, role: "owner" });
    await setUser(coOwner.user.id, { isActive: false });

    const demote = await rest(api, owner.token, "PATCH", `/v1/accounts/${account.id}/members/${owner.user.id}/`, { role: "admin" });
    expect(demote.status).toBe(409);
    expect(demote.body.message).toBe("An account needs at least one owner");
    expect((await rest(api, owner.token, "DELETE", `/v1/organizations/${org.id}/members/${owner.user.id}/`)).status).toBe(409);
    // The disabled owner themself can be demoted: a live owner remains.
    await expect(owner.call.accounts.updateMember({ id: account.id, userId: coOwner.user.id, role: "member" })).resolves.toMatchObject({ role: "member" });
  });

  it("a soft-deleted co-owner doesn't count either", async () => {
    const { owner, account, org } = await tenantOf("ur-del");
    const coOwner = await newVerifiedUser(api, "ur-del-co");
    await inviteAndAccept(owner, org.id, coOwner, "owner");
    await owner.call.accounts.updateMember({ id: account.id, userId: coOwner.user.id, role: "owner" });
    await setUser(coOwner.user.id, { deletedAt: new Date() });
    await expect(owner.call.organizations.updateMember({ id: org.id, userId: owner.user.id, role: "member" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(owner.call.accounts.removeMember({ id: account.id, userId: owner.user.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a user can't delete themselves while they are the last live owner of an account; with a co-owner, or once it's gone, they can", async () => {
    const { owner, account } = await tenantOf("ur-self");
    const r = await rest(api, owner.token, "DELETE", `/v1/users/${owner.user.id}/`);
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/last owner of ur-self Inc/);
    expect((await rest(api, owner.token, "GET", "/me/")).status).toBe(200);

    const second = await tenantOf("ur-self2");
    const coOwner = await newVerifiedUser(api, "ur-self2-co");
    await inviteAndAccept(second.owner, second.org.id, coOwner, "member");
    await second.owner.call.accounts.updateMember({ id: second.account.id, userId: coOwner.user.id, role: "owner" });
    await expect(second.owner.call.users.delete({ id: second.owner.user.id })).resolves.toMatchObject({ id: second.owner.user.id });

    await owner.call.accounts.delete({ id: account.id });
    await expect(owner.call.users.delete({ id: owner.user.id })).resolves.toMatchObject({ id: owner.user.id });
  });
});

describe("owners racing each other", () => {
  it("two co-owners deleting themselves at once: exactly one succeeds, the account keeps a live owner", async () => {
    const { owner, account, org } = await tenantOf("ur-race");
    const coOwner = await newVerifiedUser(api, "ur-race-co");
    await inviteAndAccept(owner, org.id, coOwner, "member");
    await owner.call.accounts.updateMember({ id: account.id, userId: coOwner.user.id, role: "owner" });
    const results = await Promise.allSettled([owner.call.users.delete({ id: owner.user.id }), coOwner.call.users.delete({ id: coOwner.user.id })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toMatchObject({ code: "CONFLICT" });
  });

  it("two owners demoting each other at once: exactly one succeeds", async () => {
    const { owner, account, org } = await tenantOf("ur-demote");
    const coOwner = await newVerifiedUser(api, "ur-demote-co");
    await inviteAndAccept(owner, org.id, coOwner, "member");
    await owner.call.accounts.updateMember({ id: account.id, userId: coOwner.user.id, role: "owner" });
    const results = await Promise.allSettled([
      owner.call.accounts.updateMember({ id: account.id, userId: coOwner.user.id, role: "admin" }),
      coOwner.call.accounts.updateMember({ id: account.id, userId: owner.user.id, role: "admin" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });
});
