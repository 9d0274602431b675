import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { TInviteKey } from "@atrium/core";
import { startTestApi, type TestApi } from "../testing.js";
import type { Transport } from "../test-transports.js";
import { bearer, call, createInviteKey, dumpDatabase, IDENTITY_TEST_ENV, idRoutes, signUpUser, tokenFor } from "./identity.test-helpers.js";

let api: TestApi;
let staff: string;
beforeAll(async () => {
  api = await startTestApi(IDENTITY_TEST_ENV);
  staff = await tokenFor(api, "admin", "admin123");
});
afterAll(async () => {
  await api.close();
});

type Page = { items: TInviteKey[]; nextCursor: string | null };

describe.each<Transport>(["rest", "trpc"])("invite keys over %s", (transport) => {
  it("creates a key shown once, stored only as its hash, with a visible prefix and expiry", async () => {
    const before = Date.now();
    const r = await call(api.url, transport, idRoutes.createInviteKey, { expiresDays: 3, notes: `for ${transport}` }, bearer(staff));
    expect(r.status).toBe(200);
    const key = r.data as TInviteKey & { key: string };
    expect(key.key).toMatch(/^inv_[a-z2-7]{32}$/);
    expect(key.key.startsWith(key.prefix)).toBe(true);
    expect(key).toMatchObject({ notes: `for ${transport}`, status: "active", createdByUsername: "admin", usedAt: null, revokedAt: null });
    const days = (Date.parse(key.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(2.99);
    expect(days).toBeLessThan(3.01);

    expect(await dumpDatabase(api)).not.toContain(key.key);
    const listed = await call(api.url, transport, idRoutes.listInviteKeys, { limit: 100 }, bearer(staff));
    const item = (listed.data as Page).items.find((k) => k.id === key.id);
    expect(item).toMatchObject({ prefix: key.prefix, status: "active" });
    expect(item).not.toHaveProperty("key");
    const [audit] = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, key.id));
    expect(audit).toMatchObject({ eventType: "invite_key.created", actorUsername: "admin" });
  });

  it("defaults to 7 days and refuses expiries outside 1..365 with a field error", async () => {
    const r = await call(api.url, transport, idRoutes.createInviteKey, {}, bearer(staff));
    expect(r.status).toBe(200);
    const days = (Date.parse((r.data as TInviteKey).expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    for (const [expiresDays, message] of [
      [0, "Expiry must be at least 1 day"],
      [366, "Expiry can be at most 365 days"],
    ] as const) {
      const bad = await call(api.url, transport, idRoutes.createInviteKey, { expiresDays }, bearer(staff));
      expect(bad.status).toBe(400);
      expect(bad.error?.fieldErrors?.expiresDays).toEqual([message]);
    }
  });

  it("revokes an unused key (idempotently) and 404s an unknown id", async () => {
    const key = await createInviteKey(api, staff);
    const revoked = await call(api.url, transport, idRoutes.revokeInviteKey, { id: key.id }, bearer(staff));
    expect(revoked.status).toBe(200);
    expect(revoked.data).toMatchObject({ status: "revoked" });
    const again = await call(api.url, transport, idRoutes.revokeInviteKey, { id: key.id }, bearer(staff));
    expect(again.status).toBe(200);
    const events = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, key.id));
    expect(events.filter((e) => e.eventType === "invite_key.revoked")).toHaveLength(1);

    const missing = await call(api.url, transport, idRoutes.revokeInviteKey, { id: "00000000-0000-4000-8000-000000000000" }, bearer(staff));
    expect(missing.status).toBe(404);
    const malformed = await call(api.url, transport, idRoutes.revokeInviteKey, { id: "nope" }, bearer(staff));
    expect(malformed.status).toBe(400);
  });
});

describe("invite key list", () => {
  it("filters by status, shows who used a key and when, and won't revoke a used key", async () => {
    const used = await createInviteKey(api, staff, { notes: "to be used" });
    const user = await signUpUser(api, staff, "keylister"); // spends a key of its own
    await api.svc.db.update(schema.inviteKeys).set({ usedAt: new Date(), usedById: user.id }).where(eq(schema.inviteKeys.id, used.id));
    const expired = await createInviteKey(api, staff);
    await api.svc.db.update(schema.inviteKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.inviteKeys.id, expired.id));
    const revoked = await createInviteKey(api, staff);
    await call(api.url, "rest", idRoutes.revokeInviteKey, { id: revoked.id }, bearer(staff));
    const active = await createInviteKey(api, staff);

    const byStatus = async (status: string) => {
      const r = await call(api.url, "rest", idRoutes.listInviteKeys, { status, limit: 100 }, bearer(staff));
      expect(r.status).toBe(200);
      const items = (r.data as Page).items;
      expect(items.every((k) => k.status === status)).toBe(true);
      return items.map((k) => k.id);
    };
    expect(await byStatus("used")).toContain(used.id);
    expect(await byStatus("expired")).toEqual(expect.arrayContaining([expired.id]));
    expect(await byStatus("expired")).not.toContain(active.id);
    expect(await byStatus("revoked")).toContain(revoked.id);
    const activeIds = await byStatus("active");
    expect(activeIds).toContain(active.id);
    expect(activeIds).not.toContain(used.id);

    const r = await call(api.url, "rest", idRoutes.listInviteKeys, { status: "used", limit: 100 }, bearer(staff));
    const item = (r.data as Page).items.find((k) => k.id === used.id);
    expect(item).toMatchObject({ usedById: user.id, usedByUsername: "keylister", createdByUsername: "admin", notes: "to be used" });
    expect(item?.usedAt).not.toBeNull();

    const revokeUsed = await call(api.url, "rest", idRoutes.revokeInviteKey, { id: used.id }, bearer(staff));
    expect(revokeUsed.status).toBe(412);
    expect(revokeUsed.error?.message).toBe("This invite key has already been used and can't be revoked");

    const bad = await call(api.url, "rest", idRoutes.listInviteKeys, { status: "lost" }, bearer(staff));
    expect(bad.status).toBe(400);
    expect(bad.error?.fieldErrors).toHaveProperty("status");
  });

  it("pages newest first with a cursor, every key exactly once", async () => {
    for (let i = 0; i < 5; i++) await createInviteKey(api, staff, { notes: `page ${i}` });
    const total = (await api.svc.db.select().from(schema.inviteKeys)).length;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await call(api.url, "trpc", idRoutes.listInviteKeys, { limit: 2, ...(cursor ? { cursor } : {}) }, bearer(staff));
      expect(r.status).toBe(200);
      const page = r.data as Page;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((k) => k.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const bad = await call(api.url, "rest", idRoutes.listInviteKeys, { cursor: "garbage" }, bearer(staff));
    expect(bad.status).toBe(400);
  });

  it("is staff only", async () => {
    const user = await signUpUser(api, staff, "notstaff");
    for (const [route, input] of [
      [idRoutes.listInviteKeys, undefined],
      [idRoutes.createInviteKey, { expiresDays: 1 }],
      [idRoutes.revokeInviteKey, { id: "00000000-0000-4000-8000-000000000000" }],
    ] as const) {
      expect((await call(api.url, "rest", route, input, bearer(user.token))).status).toBe(403);
      expect((await call(api.url, "rest", route, input)).status).toBe(401);
    }
  });
});

describe("the seed's /api/admin/passkeys/ path", () => {
  const seedPath = (rest = "") => `${api.url}/api/admin/passkeys/${rest}`;
  const json = (token?: string) => ({ "content-type": "application/json", ...(token ? bearer(token) : {}) });

  it("still answers as an alias of /api/admin/invite-keys/: create, list and revoke the same keys", async () => {
    // The manual's request (its expires_days spelling aside): POST /api/admin/passkeys/ with notes.
    const created = await fetch(seedPath(), { method: "POST", headers: json(staff), body: JSON.stringify({ notes: "Invite for Jane Smith" }) });
    expect(created.status).toBe(200);
    const key = (await created.json()) as TInviteKey & { key: string };
    expect(key).toMatchObject({ notes: "Invite for Jane Smith", status: "active" });
    expect(key.key.startsWith(key.prefix)).toBe(true);

    const canonical = await call(api.url, "rest", idRoutes.listInviteKeys, { limit: 100 }, bearer(staff));
    expect((canonical.data as Page).items.map((k) => k.id)).toContain(key.id);
    const listed = await fetch(`${seedPath()}?limit=100`, { headers: json(staff) });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as Page).items.map((k) => k.id)).toContain(key.id);

    const revoked = await fetch(seedPath(`${key.id}/`), { method: "DELETE", headers: json(staff) });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ id: key.id, status: "revoked" });
  });

  it("runs the same checks as the path it stands for", async () => {
    const user = await signUpUser(api, staff, "aliasnotstaff");
    expect((await fetch(seedPath(), { headers: json(user.token) })).status).toBe(403);
    expect((await fetch(seedPath(), { headers: json() })).status).toBe(401);
    expect((await fetch(seedPath(), { method: "POST", headers: json(staff), body: JSON.stringify({ expiresDays: 0 }) })).status).toBe(400);
  });
});
