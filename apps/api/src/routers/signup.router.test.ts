import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { and, eq, sql } from "drizzle-orm";
import { schema } from "@atrium/db";
import { invitationService, loadPolicyActor, toActor, type TUser } from "@atrium/core";
import { createApp } from "../server.js";
import { startTestApi, type TestApi } from "../testing.js";
import type { Transport } from "../test-transports.js";
import { bearer, call, createInviteKey, dumpDatabase, IDENTITY_TEST_ENV, idRoutes, routes, STRONG, tokenFor } from "./identity.test-helpers.js";

let api: TestApi;
let staff: string;
beforeAll(async () => {
  api = await startTestApi(IDENTITY_TEST_ENV);
  staff = await tokenFor(api, "admin", "admin123");
});
afterAll(async () => {
  await api.close();
});

type Signed = { user: TUser; token: string; expiresAt: string };
const counts = async () => {
  const [row] = (
    await api.svc.db.execute<{ users: number; accounts: number; emails: number }>(
      sql`select (select count(*) from users)::int as users, (select count(*) from accounts)::int as accounts, (select count(*) from email_outbox)::int as emails`,
    )
  ).rows;
  return row;
};
const keyRow = async (id: string) => (await api.svc.db.select().from(schema.inviteKeys).where(eq(schema.inviteKeys.id, id)))[0];

describe.each<Transport>(["rest", "trpc"])("signup with an invite key over %s", (transport) => {
  it("creates the user, their own workspace, spends the key, signs them in and queues a welcome email", async () => {
    const key = await createInviteKey(api, staff, { notes: "for carol" });
    const username = `Carol_${transport}`;
    const r = await call(api.url, transport, idRoutes.signup, { username, email: `  Carol.${transport}@Example.COM `, password: STRONG, inviteKey: key.key });
    expect(r.status).toBe(200);
    const { user, token } = r.data as Signed;
    expect(user).toMatchObject({ username, email: `carol.${transport}@example.com`, isStaff: false, isActive: true });
    expect(r.headers.get("set-cookie")).toMatch(/atrium_session=[a-z0-9]+; Path=\/; HttpOnly; SameSite=Lax/);

    const me = await call(api.url, transport, routes.me, undefined, bearer(token));
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ user: { id: user.id }, account: { id: user.accountId, name: `${username}'s workspace`, slug: `carol-${transport}` } });
    const members = await api.svc.db.select().from(schema.accountMembers).where(eq(schema.accountMembers.userId, user.id));
    expect(members).toEqual([expect.objectContaining({ accountId: user.accountId, role: "owner" })]);

    expect(await keyRow(key.id)).toMatchObject({ usedById: user.id, usedAt: expect.any(Date) });
    const events = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.actorId, user.id));
    expect(events.map((e) => e.eventType).sort()).toEqual(["auth.signup", "invite_key.used"]);
    expect(events.find((e) => e.eventType === "invite_key.used")).toMatchObject({ targetId: key.id, accountId: user.accountId });

    const [email] = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, user.email));
    expect(email).toMatchObject({ template: "welcome", status: expect.stringMatching(/queued|sent/) });
    expect(email?.text).toContain(`Welcome, ${username}!`);

    expect((await call(api.url, transport, routes.login, { username: username.toUpperCase(), password: STRONG })).status).toBe(200);
  });

  it("refuses a missing, wrong, expired, used or revoked key with its own message, creating nothing", async () => {
    const expired = await createInviteKey(api, staff);
    await api.svc.db.update(schema.inviteKeys).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(schema.inviteKeys.id, expired.id));
    const used = await createInviteKey(api, staff);
    const first = await call(api.url, transport, idRoutes.signup, { username: `first_${transport}`, email: `first.${transport}@example.com`, password: STRONG, inviteKey: used.key });
    expect(first.status).toBe(200);
    const revoked = await createInviteKey(api, staff);
    await call(api.url, "rest", idRoutes.revokeInviteKey, { id: revoked.id }, bearer(staff));

    const cases: Array<[string | undefined, string]> = [
      [undefined, "An invite key is required to sign up"],
      ["", "An invite key is required to sign up"],
      ["inv_thisisnotarealkeyatallnotatall", "This invite key is not valid"],
      [expired.key, "This invite key has expired"],
      [used.key, "This invite key has already been used"],
      [revoked.key, "This invite key has been revoked"],
    ];
    const before = await counts();
    for (const [inviteKey, message] of cases) {
      const r = await call(api.url, transport, idRoutes.signup, { username: `dave_${transport}`, email: `dave.${transport}@example.com`, password: STRONG, inviteKey });
      expect(r.status, message).toBe(400);
      expect(r.error?.fieldErrors?.inviteKey).toEqual([message]);
      expect(r.error?.message).toBe(message);
    }
    expect(await counts()).toEqual(before);
    expect(await keyRow(expired.id)).toMatchObject({ usedAt: null, usedById: null });
    expect(await keyRow(revoked.id)).toMatchObject({ usedAt: null, usedById: null });
  });
});

describe("signup validation", () => {
  it("names each bad field, and reports key and password problems together", async () => {
    const r = await call(api.url, "rest", idRoutes.signup, { username: "a!", email: "not-an-email", password: "x" });
    expect(r.status).toBe(400);
    expect(r.error?.fieldErrors?.username).toEqual(["Must be at least 3 characters", "Use only letters, digits, dots, dashes and underscores"]);
    expect(r.error?.fieldErrors?.email).toEqual(["Enter a valid email address"]);

    const weak = await call(api.url, "rest", idRoutes.signup, { username: "erin", email: "erin@example.com", password: "12345678" });
    expect(weak.status).toBe(400);
    expect(weak.error?.fieldErrors).toEqual({
      inviteKey: ["An invite key is required to sign up"],
      password: ["Can't be only digits", "Too common: it appears in lists of leaked passwords"],
    });
  });

  it("applies the password policy and leaves the key unspent when it refuses", async () => {
    const key = await createInviteKey(api, staff);
    for (const [password, message] of [
      ["short1!", "Must be at least 8 characters"],
      ["password1", "Too common: it appears in lists of leaked passwords"],
      ["frank-the-tank-99", "Too similar to your username or email"],
    ] as const) {
      const r = await call(api.url, "trpc", idRoutes.signup, { username: "frank", email: "franky@example.com", password, inviteKey: key.key });
      expect(r.status).toBe(400);
      expect(r.error?.fieldErrors?.password).toContain(message);
    }
    expect(await keyRow(key.id)).toMatchObject({ usedAt: null });
  });

  it("answers 409 on a taken username or email, case-insensitively, and the key stays unspent", async () => {
    const key = await createInviteKey(api, staff);
    const taken = await call(api.url, "rest", idRoutes.signup, { username: "ADMIN", email: "Admin@Atrium.local", password: STRONG, inviteKey: key.key });
    expect(taken.status).toBe(409);
    expect(taken.error?.fieldErrors).toEqual({ username: ["This username is already taken"], email: ["An account with this email already exists"] });
    const emailOnly = await call(api.url, "trpc", idRoutes.signup, { username: "newname", email: "ADMIN@atrium.local", password: STRONG, inviteKey: key.key });
    expect(emailOnly.status).toBe(409);
    expect(emailOnly.error?.fieldErrors).toEqual({ email: ["An account with this email already exists"] });
    expect(await keyRow(key.id)).toMatchObject({ usedAt: null });
  });

  it("lets only one of two concurrent signups spend a key; the loser leaves no user behind", async () => {
    const key = await createInviteKey(api, staff);
    const attempt = (n: number) =>
      call(api.url, "rest", idRoutes.signup, { username: `racer${n}`, email: `racer${n}@example.com`, password: STRONG, inviteKey: key.key });
    const results = await Promise.all([attempt(1), attempt(2), attempt(3)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    for (const r of results.filter((x) => x.status === 400)) expect(r.error?.fieldErrors?.inviteKey).toEqual(["This invite key has already been used"]);
    const racers = await api.svc.db.execute(sql`select username from users where username like 'racer%'`);
    expect(racers.rows).toHaveLength(1);
  });

  it("never stores the raw key anywhere in the database", async () => {
    const key = await createInviteKey(api, staff, { notes: "raw key check" });
    const ok = await call(api.url, "rest", idRoutes.signup, { username: "grace", email: "grace@example.com", password: STRONG, inviteKey: key.key });
    expect(ok.status).toBe(200);
    // A failed attempt with the (now used) key must not record it either.
    await call(api.url, "rest", idRoutes.signup, { username: "heidi", email: "heidi@example.com", password: STRONG, inviteKey: key.key });
    const dump = await dumpDatabase(api);
    expect(dump).toContain(key.prefix); // the dump does see invite_keys...
    expect(dump).not.toContain(key.key); // ...but never the key itself
    expect(dump).not.toContain(key.key.slice(4)); // nor its random part
  });
});

describe("logs", () => {
  it("never carry the raw invite key, even at trace level", async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const logger = pino({ level: "trace" }, sink);
    const server = createApp({ ...api.deps, logger }).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const created = await call(url, "rest", idRoutes.createInviteKey, { notes: "log check" }, bearer(staff));
      const { key: rawKey } = created.data as { key: string };
      expect((await call(url, "rest", idRoutes.signup, { username: "loggy", email: "loggy@example.com", password: STRONG, inviteKey: rawKey })).status).toBe(200);
      expect((await call(url, "trpc", idRoutes.signup, { username: "loggy2", email: "loggy2@example.com", password: STRONG, inviteKey: rawKey })).status).toBe(400);
      expect(lines.join("")).toContain("/api/auth/signup/"); // the request log is captured...
      expect(lines.join("")).not.toContain(rawKey); // ...and the key is nowhere in it
    } finally {
      await new Promise((r) => server.close(r));
      server.closeAllConnections();
    }
  });
});

describe("signup in open mode", () => {
  it("needs no key, but a key that is given must still be valid", async () => {
    const open = await startTestApi({ ...IDENTITY_TEST_ENV, SIGNUP_MODE: "open" });
    try {
      const r = await call(open.url, "rest", idRoutes.signup, { username: "ivan", email: "ivan@example.com", password: STRONG });
      expect(r.status).toBe(200);
      const { user } = r.data as Signed;
      expect(user.accountId).not.toBeNull();
      const [signup] = await open.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.actorId, user.id));
      expect(signup).toMatchObject({ eventType: "auth.signup", details: { via: "open" } });

      const bad = await call(open.url, "rest", idRoutes.signup, { username: "judy", email: "judy@example.com", password: STRONG, inviteKey: "inv_wrong" });
      expect(bad.error?.fieldErrors?.inviteKey).toEqual(["This invite key is not valid"]);
    } finally {
      await open.close();
    }
  });
});

describe("signup with an organization invitation", () => {
  async function invite(email: string): Promise<{ orgId: string; accountId: string; token: string }> {
    const [admin] = await api.svc.db.select().from(schema.users).where(eq(schema.users.username, "admin"));
    if (!admin?.accountId) throw new Error("no admin");
    const slug = `org-${email.split("@")[0]}`;
    const [org] = await api.svc.db.insert(schema.organizations).values({ accountId: admin.accountId, name: `Org of ${email}`, slug }).returning();
    if (!org) throw new Error("no org");
    await invitationService.inviteToOrganization(api.svc, await loadPolicyActor(api.svc.db, toActor(admin)), { id: org.id, email, role: "member" });
    const [mail] = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, email));
    const token = mail?.text.match(/invitation=([a-z0-9]+)/)?.[1];
    if (!token) throw new Error("no invitation token in the email");
    return { orgId: org.id, accountId: admin.accountId, token };
  }

  it("needs no invite key: the new user joins the inviter's tenant and organization instead of getting their own", async () => {
    const { orgId, accountId, token } = await invite("olivia@example.com");
    const accountsBefore = (await counts())?.accounts;
    const r = await call(api.url, "rest", idRoutes.signup, { username: "olivia", email: "olivia@example.com", password: STRONG, invitationToken: token });
    expect(r.status).toBe(200);
    const { user } = r.data as Signed;
    expect(user.accountId).toBe(accountId);
    expect((await counts())?.accounts).toBe(accountsBefore);
    const [membership] = await api.svc.db.select().from(schema.memberships).where(eq(schema.memberships.userId, user.id));
    expect(membership).toMatchObject({ organizationId: orgId, role: "member" });
    const [signup] = await api.svc.db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.actorId, user.id), eq(schema.auditEvents.eventType, "auth.signup")));
    expect(signup).toMatchObject({ accountId, details: { via: "invitation" } });

    // Spent: the same link can't make a second account.
    const again = await call(api.url, "rest", idRoutes.signup, { username: "olivia2", email: "olivia2@example.com", password: STRONG, invitationToken: token });
    expect(again.status).toBe(400);
    expect(again.error?.fieldErrors).toEqual({ invitationToken: ["This invitation is invalid or has expired"] });
  });

  it("refuses a bogus invitation token before saying anything about the email", async () => {
    const before = await counts();
    const r = await call(api.url, "trpc", idRoutes.signup, { username: "admin", email: "admin@atrium.local", password: STRONG, invitationToken: "bogus" });
    expect(r.status).toBe(400);
    expect(r.error?.fieldErrors).toEqual({ invitationToken: ["This invitation is invalid or has expired"] });
    expect(await counts()).toEqual(before);
  });
});
