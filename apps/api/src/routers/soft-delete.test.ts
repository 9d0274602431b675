import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { schema } from "@atrium/db";
import { purgeSoftDeleted, storageFromConfig } from "@atrium/core";
import { startTestApi, type TestApi } from "../testing.js";
import { newTenant, newUser, rest } from "./tenancy.test-helpers.js";

let api: TestApi;
let t: Awaited<ReturnType<typeof newTenant>>;
let staff: Awaited<ReturnType<typeof newUser>>;

beforeAll(async () => {
  api = await startTestApi();
  t = await newTenant(api, "sd");
  staff = await newUser(api, "sd-staff", { isStaff: true });
});
afterAll(async () => {
  await api?.close();
});

const DAY = 86_400_000;

describe("soft delete and restore", () => {
  it("hides a deleted team from lists and lookups until an admin restores it", async () => {
    const r = await rest(api, t.owner.token, "DELETE", `/v1/teams/${t.team.id}/`);
    expect(r.status).toBe(200);
    expect(r.body.deletedAt).not.toBeNull();
    expect((await t.owner.call.teams.list({ organizationId: t.org.id })).items).toEqual([]);
    await expect(t.member.call.teams.get({ id: t.team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.member.call.teams.restore({ id: t.team.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const restored = await rest(api, t.owner.token, "POST", `/v1/teams/${t.team.id}/restore/`);
    expect(restored.status).toBe(200);
    expect((await t.member.call.teams.get({ id: t.team.id })).deletedAt).toBeNull();
  });

  it("takes an organization's teams with it, and brings them back on restore (account admins)", async () => {
    await expect(t.member.call.organizations.delete({ id: t.org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await t.owner.call.organizations.delete({ id: t.org.id });
    expect((await t.owner.call.organizations.list({ accountId: t.account.id })).items).toEqual([]);
    expect((await t.owner.call.teams.list({})).items).toEqual([]);
    await expect(t.owner.call.teams.get({ id: t.team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await t.member.call.accounts.memberships()).organizations).toEqual([]);
    await expect(t.member.call.organizations.restore({ id: t.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await t.owner.call.organizations.restore({ id: t.org.id });
    expect((await t.member.call.teams.list({ organizationId: t.org.id })).items.map((x) => x.id)).toEqual([t.team.id]);
  });

  it("hides a deleted account from its own members; only staff list or restore it", async () => {
    await expect(t.member.call.accounts.delete({ id: t.account.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await t.owner.call.accounts.delete({ id: t.account.id });
    expect((await t.owner.call.accounts.list({})).items).toEqual([]);
    await expect(t.owner.call.organizations.get({ id: t.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.owner.call.accounts.restore({ id: t.account.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.owner.call.accounts.list({ includeDeleted: true })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const listed = await rest(api, staff.token, "GET", "/v1/accounts/", { includeDeleted: "true" });
    expect((listed.body.items as Array<{ id: string }>).map((a) => a.id)).toContain(t.account.id);
    const hidden = await rest(api, staff.token, "GET", "/v1/accounts/", { includeDeleted: "false" });
    expect((hidden.body.items as Array<{ id: string }>).map((a) => a.id)).not.toContain(t.account.id);
    const restored = await rest(api, staff.token, "POST", `/v1/accounts/${t.account.id}/restore/`);
    expect(restored.status).toBe(200);
    await expect(t.owner.call.organizations.get({ id: t.org.id })).resolves.toMatchObject({ id: t.org.id });
  });

  it("lets a user delete themselves, which ends their sessions; staff restore them", async () => {
    const u = await newUser(api, "sd-leaver");
    await expect(t.member.call.users.delete({ id: t.owner.user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(u.call.users.delete({ id: u.user.id })).resolves.toMatchObject({ username: "sd-leaver" });
    expect((await rest(api, u.token, "GET", "/me/")).status).toBe(401);
    await expect(staff.call.users.get({ id: u.user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.owner.call.users.restore({ id: u.user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(staff.call.users.restore({ id: u.user.id })).resolves.toMatchObject({ id: u.user.id });
    await expect(staff.call.users.get({ id: u.user.id })).resolves.toMatchObject({ id: u.user.id });
  });

  it("shows users who share an account, searchable; only the user themselves (or staff) renames them", async () => {
    const users = await t.member.call.users.list({ q: "SD-OWN" });
    expect(users.items.map((u) => u.username)).toEqual(["sd-owner"]);
    expect((await t.member.call.users.list({ accountId: t.account.id })).items.map((u) => u.username).sort()).toEqual(["sd-member", "sd-owner"]);
    await expect(t.member.call.users.update({ id: t.owner.user.id, displayName: "Boss" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.owner.call.users.update({ id: t.member.user.id, displayName: "Mia" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.member.call.users.update({ id: t.member.user.id, displayName: "Mia" })).resolves.toMatchObject({ displayName: "Mia" });
    await expect(staff.call.users.update({ id: t.member.user.id, displayName: "Mia S." })).resolves.toMatchObject({ displayName: "Mia S." });
  });
});

describe("purge", () => {
  it("hard-deletes rows soft-deleted longer than the retention, children first, and keeps the rest", async () => {
    const p = await newTenant(api, "pg");
    const extraTeam = await p.owner.call.teams.create({ organizationId: p.org.id, name: "Recent" });
    const gone = await newUser(api, "pg-gone");
    await p.owner.call.teams.delete({ id: extraTeam.id });
    await p.owner.call.accounts.delete({ id: p.account.id });
    await gone.call.users.delete({ id: gone.user.id });
    // Backdate everything except the recently deleted team past the retention.
    const old = new Date(Date.now() - 40 * DAY);
    await api.svc.db.update(schema.accounts).set({ deletedAt: old }).where(eq(schema.accounts.id, p.account.id));
    await api.svc.db.update(schema.users).set({ deletedAt: old }).where(eq(schema.users.id, gone.user.id));

    const result = await purgeSoftDeleted(api.svc, storageFromConfig(api.svc.config));
    expect(result).toMatchObject({ accounts: 1, users: 1, teams: 0 });
    expect(await api.svc.db.select().from(schema.accounts).where(eq(schema.accounts.id, p.account.id))).toEqual([]);
    expect(await api.svc.db.select().from(schema.teams).where(inArray(schema.teams.id, [p.team.id, extraTeam.id]))).toEqual([]);
    expect(await api.svc.db.select().from(schema.users).where(eq(schema.users.id, gone.user.id))).toEqual([]);
    // The owner outlives their home account; other tenants are untouched.
    const [owner] = await api.svc.db.select().from(schema.users).where(eq(schema.users.id, p.owner.user.id));
    expect(owner?.accountId).toBeNull();
    await expect(t.owner.call.teams.get({ id: t.team.id })).resolves.toBeTruthy();
  });

  it("with olderThanDays 0 takes everything already deleted", async () => {
    const team = await t.owner.call.teams.create({ organizationId: t.org.id, name: "Short-lived" });
    await t.owner.call.teams.delete({ id: team.id });
    await new Promise((r) => setTimeout(r, 5));
    expect(await purgeSoftDeleted(api.svc, storageFromConfig(api.svc.config), { olderThanDays: 0 })).toMatchObject({ teams: 1 });
    await expect(t.owner.call.teams.restore({ id: team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
