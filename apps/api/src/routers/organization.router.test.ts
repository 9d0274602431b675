import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { inviteAndAccept, newUser, rest, type TestUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let owner: TestUser, admin: TestUser, member: TestUser, viewer: TestUser;
let accountId: string, orgId: string;

beforeAll(async () => {
  api = await startTestApi();
  [owner, admin, member, viewer] = await Promise.all([newUser(api, "o-owner"), newUser(api, "o-admin"), newUser(api, "o-member"), newUser(api, "o-viewer")]);
  accountId = (await owner.call.accounts.create({ name: "Roles Inc" })).id;
  orgId = (await owner.call.organizations.create({ accountId, name: "Roles Org" })).id;
  for (const [u, role] of [[admin, "admin"], [member, "member"], [viewer, "viewer"]] as const) {
    await inviteAndAccept(owner, orgId, u, role);
  }
});
afterAll(async () => {
  await api?.close();
});

describe("organizations over REST", () => {
  it("creates with a slug from the name, refuses a taken slug with 409 and a slug field error, and lists members", async () => {
    const created = await rest(api, owner.token, "POST", "/v1/organizations/", { accountId, name: "Ångström Labs!" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ slug: "angstrom-labs", role: "owner", accountId });
    const dup = await rest(api, owner.token, "POST", "/v1/organizations/", { accountId, name: "Other", slug: "angstrom-labs" });
    expect(dup.status).toBe(409);
    expect(dup.body.data?.fieldErrors?.slug).toEqual(["Another organization of this account uses this slug"]);
    const bad = await rest(api, owner.token, "POST", "/v1/organizations/", { accountId, name: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.data?.fieldErrors?.name).toEqual(["Give the organization a name"]);

    const updated = await rest(api, owner.token, "PUT", `/v1/organizations/${created.body.id as string}/`, { description: "Optics" });
    expect(updated.body).toMatchObject({ description: "Optics", name: "Ångström Labs!" });

    const list = await rest(api, viewer.token, "GET", "/v1/organizations/", { accountId });
    expect((list.body.items as Array<{ id: string }>).map((o) => o.id)).toEqual([orgId]);
    const members = await rest(api, viewer.token, "GET", `/v1/organizations/${orgId}/members/`, { limit: 2 });
    expect(members.status).toBe(200);
    expect(members.body.items).toHaveLength(2);
    const next = await rest(api, viewer.token, "GET", `/v1/organizations/${orgId}/members/`, { limit: 2, cursor: members.body.nextCursor as string });
    const all = [...(members.body.items as Array<{ username: string }>), ...(next.body.items as Array<{ username: string }>)].map((m) => m.username);
    expect(all.sort()).toEqual(["o-admin", "o-member", "o-owner", "o-viewer"]);
  });
});

describe("restoring a deleted organization", () => {
  it("lists soft-deleted organizations to staff only (with the account's name); staff restore one, audited", async () => {
    const staff = await newUser(api, "o-staff", { isStaff: true });
    const doomed = (await owner.call.organizations.create({ accountId, name: "Deleted By Mistake" })).id;
    expect((await rest(api, owner.token, "DELETE", `/v1/organizations/${doomed}/`)).status).toBe(200);

    // Tenants, even the owner who deleted it, can't list every tenant's deleted organizations.
    for (const u of [owner, admin, viewer]) expect((await rest(api, u.token, "GET", "/admin/organizations/deleted/")).status).toBe(403);
    const listed = await rest(api, staff.token, "GET", "/admin/organizations/deleted/", { limit: 50 });
    expect(listed.status).toBe(200);
    const items = listed.body.items as Array<{ id: string; name: string; accountName: string; deletedAt: string; role: null }>;
    expect(items.find((o) => o.id === doomed)).toMatchObject({ name: "Deleted By Mistake", accountName: "Roles Inc", role: null });

    // Staff belong to no tenant here, yet restore it; then it is live again and gone from the list.
    const restored = await rest(api, staff.token, "POST", `/v1/organizations/${doomed}/restore/`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: doomed, deletedAt: null });
    expect((await rest(api, owner.token, "GET", `/v1/organizations/${doomed}/`)).status).toBe(200);
    const after = (await rest(api, staff.token, "GET", "/admin/organizations/deleted/", { limit: 50 })).body.items as Array<{ id: string }>;
    expect(after.map((o) => o.id)).not.toContain(doomed);
    const audit = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, doomed));
    expect(audit.map((e) => e.eventType)).toContain("organization.restored");
  });
});

describe("accounts", () => {
  it("gives a second account of the same name a suffixed slug instead of a conflict", async () => {
    const other = await newUser(api, "o-other");
    const r = await rest(api, other.token, "POST", "/v1/accounts/", { name: "Roles Inc" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: "Roles Inc", role: "owner" });
    expect(r.body.slug).toMatch(/^roles-inc-[a-z0-9]{6}$/);
  });
});

describe("roles", () => {
  it("lets a viewer read but not write (403)", async () => {
    await expect(viewer.call.organizations.get({ id: orgId })).resolves.toMatchObject({ role: "viewer" });
    const r = await rest(api, viewer.token, "POST", "/v1/teams/", { organizationId: orgId, name: "Nope" });
    expect(r.status).toBe(403);
    expect((await rest(api, viewer.token, "PUT", `/v1/organizations/${orgId}/`, { name: "Renamed" })).status).toBe(403);
  });

  it("lets a member create teams but not manage members (403)", async () => {
    await expect(member.call.teams.create({ organizationId: orgId, name: "Members' team" })).resolves.toMatchObject({ name: "Members' team" });
    const r = await rest(api, member.token, "PATCH", `/v1/organizations/${orgId}/members/${viewer.user.id}/`, { role: "member" });
    expect(r.status).toBe(403);
    expect((await rest(api, member.token, "POST", `/v1/organizations/${orgId}/invitations/`, { email: "x@example.test" })).status).toBe(403);
  });

  it("lets admins manage members but only owners grant or remove ownership", async () => {
    await expect(admin.call.organizations.updateMember({ id: orgId, userId: viewer.user.id, role: "member" })).resolves.toMatchObject({ role: "member" });
    await expect(admin.call.organizations.updateMember({ id: orgId, userId: member.user.id, role: "owner" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.call.organizations.removeMember({ id: orgId, userId: owner.user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await admin.call.organizations.updateMember({ id: orgId, userId: viewer.user.id, role: "viewer" });
  });

  it("keeps the last owner: they can't leave, be demoted or removed (409), until another owner exists", async () => {
    const leave = await rest(api, owner.token, "DELETE", `/v1/organizations/${orgId}/members/${owner.user.id}/`);
    expect(leave.status).toBe(409);
    expect(leave.body.message).toBe("An organization needs at least one owner");
    await expect(owner.call.organizations.updateMember({ id: orgId, userId: owner.user.id, role: "admin" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "An organization needs at least one owner",
    });
    await expect(owner.call.accounts.removeMember({ id: accountId, userId: owner.user.id })).rejects.toMatchObject({ message: "An account needs at least one owner" });

    await owner.call.organizations.updateMember({ id: orgId, userId: admin.user.id, role: "owner" });
    await expect(owner.call.organizations.removeMember({ id: orgId, userId: owner.user.id })).resolves.toMatchObject({ role: "owner" });
    await expect(admin.call.organizations.removeMember({ id: orgId, userId: admin.user.id })).rejects.toMatchObject({ code: "CONFLICT" });
    // The account owner still runs every organization of the account.
    await expect(owner.call.organizations.addMember({ id: orgId, userId: owner.user.id, role: "owner" })).resolves.toMatchObject({ role: "owner" });
  });

  it("audits role changes in the same tenant", async () => {
    const rows = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.accountId, accountId));
    const types = new Set(rows.map((r) => r.eventType));
    for (const t of ["organization.created", "member.added", "member.role_changed", "member.removed", "team.created"]) expect(types).toContain(t);
    expect(rows.find((r) => r.eventType === "member.role_changed")).toMatchObject({ actorUsername: "o-admin", details: { scope: "organization", from: "viewer", to: "member" } });
  });

  it("adds only users already in the account; others are not found", async () => {
    const stranger = await newUser(api, "o-stranger");
    await expect(owner.call.organizations.addMember({ id: orgId, userId: stranger.user.id, role: "member" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.call.organizations.addMember({ id: orgId, userId: member.user.id, role: "member" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("shows my accounts and organizations with my roles for the switcher", async () => {
    const mine = await rest(api, viewer.token, "GET", "/me/memberships/");
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      accounts: [{ id: accountId, name: "Roles Inc", slug: "roles-inc", role: "member", recruitingRole: null, recruiting: { read: false, manage: false } }],
      organizations: [{ id: orgId, accountId, name: "Roles Org", slug: "roles-org", role: "viewer" }],
    });
  });
});
