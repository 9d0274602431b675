import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

// Recruiting roles (issue 15): an account admin gives a member the recruiter or hiring manager
// role through the account members procedure; the members list and the caller's memberships say
// it, and the policy follows (a recruiter may then create postings).

const routes = {
  updateMember: { method: "PATCH", rest: "/api/accounts/{id}/members/{userId}/", trpc: "accounts.updateMember", kind: "mutation" },
  listMembers: { method: "GET", rest: "/api/accounts/{id}/members/", trpc: "accounts.listMembers", kind: "query" },
  memberships: { method: "GET", rest: "/api/me/memberships/", trpc: "accounts.memberships", kind: "query" },
  createPosting: { method: "POST", rest: "/api/recruiting/postings/", trpc: "recruiting.postings.create", kind: "mutation" },
} as const;

type Membership = { id: string; recruitingRole: string | null; recruiting: { read: boolean; manage: boolean } };

let api: TestApi;
let owner: TestUser;
let stranger: TestUser;
let account: { id: string };

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  owner = await newUser(api, "rr-owner");
  stranger = await newUser(api, "rr-stranger");
  account = await owner.call.accounts.create({ name: "Recruiting Roles Inc" });
  await stranger.call.accounts.create({ name: "Stranger Inc" });
});
afterAll(async () => {
  await api.close();
});

describe.each<Transport>(["rest", "trpc"])("recruiting roles over %s", (transport) => {
  async function member(name: string): Promise<TestUser> {
    const u = await newUser(api, `rr-${name}-${transport}`);
    await api.svc.db.insert(schema.accountMembers).values({ accountId: account.id, userId: u.user.id, role: "member" });
    return u;
  }
  const mine = async (u: TestUser) => ((await call(api.url, transport, routes.memberships, undefined, bearer(u.token))).data as { accounts: Membership[] }).accounts.find((a) => a.id === account.id);

  it("an admin makes a member a recruiter: listed, audited, in their memberships, and they may create postings", async () => {
    const rita = await member("rita");
    expect(await mine(rita)).toMatchObject({ recruitingRole: null, recruiting: { read: false, manage: false } });
    expect((await call(api.url, transport, routes.createPosting, { accountId: account.id, title: "Nurse", description: "Care." }, bearer(rita.token))).status).toBe(403);

    const set = await call(api.url, transport, routes.updateMember, { id: account.id, userId: rita.user.id, recruitingRole: "recruiter" }, bearer(owner.token));
    expect(set.status).toBe(200);
    expect(set.data).toMatchObject({ userId: rita.user.id, role: "member", recruitingRole: "recruiter" });

    const listed = await call(api.url, transport, routes.listMembers, { id: account.id, limit: 100 }, bearer(owner.token));
    expect((listed.data as { items: Array<{ userId: string; recruitingRole?: string | null }> }).items.find((m) => m.userId === rita.user.id)?.recruitingRole).toBe("recruiter");
    expect(await mine(rita)).toMatchObject({ recruitingRole: "recruiter", recruiting: { read: true, manage: true } });
    expect((await call(api.url, transport, routes.createPosting, { accountId: account.id, title: "Nurse", description: "Care." }, bearer(rita.token))).status).toBe(200);

    const audit = await api.svc.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.eventType, "member.recruiting_role_changed"), eq(schema.auditEvents.targetId, rita.user.id)));
    expect(audit.map((a) => a.details)).toEqual([{ from: null, to: "recruiter" }]);

    // A hiring manager reads only; null takes the role away again.
    await call(api.url, transport, routes.updateMember, { id: account.id, userId: rita.user.id, recruitingRole: "hiring_manager" }, bearer(owner.token));
    expect(await mine(rita)).toMatchObject({ recruitingRole: "hiring_manager", recruiting: { read: true, manage: false } });
    await call(api.url, transport, routes.updateMember, { id: account.id, userId: rita.user.id, recruitingRole: null }, bearer(owner.token));
    expect(await mine(rita)).toMatchObject({ recruitingRole: null, recruiting: { read: false, manage: false } });
    // The owner's rights come with the tenant role.
    expect(await mine(owner)).toMatchObject({ recruitingRole: null, recruiting: { read: true, manage: true } });
  });

  it("only admins set it; bad values are field errors; another account's member is 404", async () => {
    const mo = await member("mo");
    const other = await member("other");
    expect((await call(api.url, transport, routes.updateMember, { id: account.id, userId: other.user.id, recruitingRole: "recruiter" }, bearer(mo.token))).status).toBe(403);
    const bad = await call(api.url, transport, routes.updateMember, { id: account.id, userId: other.user.id, recruitingRole: "boss" }, bearer(owner.token));
    expect([bad.status, Object.keys(bad.error?.fieldErrors ?? {})]).toEqual([400, ["recruitingRole"]]);
    const nothing = await call(api.url, transport, routes.updateMember, { id: account.id, userId: other.user.id }, bearer(owner.token));
    expect([nothing.status, Object.keys(nothing.error?.fieldErrors ?? {})]).toEqual([400, ["role"]]);
    expect((await call(api.url, transport, routes.updateMember, { id: account.id, userId: other.user.id, recruitingRole: "recruiter" }, bearer(stranger.token))).status).toBe(404);
    // The account role alone still works as before.
    expect((await call(api.url, transport, routes.updateMember, { id: account.id, userId: other.user.id, role: "viewer" }, bearer(owner.token))).data).toMatchObject({ role: "viewer" });
  });
});
