import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { TAdminUser } from "@atrium/core";
import { startTestApi, type TestApi } from "../testing.js";
import type { Transport } from "../test-transports.js";
import { bearer, call, IDENTITY_TEST_ENV, idRoutes, routes, signUpUser, STRONG, tokenFor } from "./identity.test-helpers.js";

let api: TestApi;
let staff: string;
let adminId: string;
beforeAll(async () => {
  api = await startTestApi(IDENTITY_TEST_ENV);
  staff = await tokenFor(api, "admin", "admin123");
  adminId = ((await call(api.url, "rest", routes.me, undefined, bearer(staff))).data as { user: { id: string } }).user.id;
});
afterAll(async () => {
  await api.close();
});

type Page = { items: TAdminUser[]; nextCursor: string | null };
const meStatus = async (token: string) => (await call(api.url, "rest", routes.me, undefined, bearer(token))).status;
const auditOf = async (userId: string, eventType: string) =>
  api.svc.db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.targetId, userId), eq(schema.auditEvents.eventType, eventType)));

describe.each<Transport>(["rest", "trpc"])("admin users over %s", (transport) => {
  it("disabling ends sessions and API key access and blocks login; enabling lets them back in", async () => {
    const name = `olga_${transport}`;
    const u = await signUpUser(api, staff, name);
    const apiKey = ((await call(api.url, "rest", routes.createKey, { name: "ci" }, bearer(u.token))).data as { key: string }).key;
    expect(await meStatus(apiKey)).toBe(200);

    const off = await call(api.url, transport, idRoutes.updateUser, { id: u.id, isActive: false }, bearer(staff));
    expect(off.status).toBe(200);
    expect(off.data).toMatchObject({ id: u.id, isActive: false });
    expect(await meStatus(u.token)).toBe(401);
    expect(await meStatus(apiKey)).toBe(401);
    expect((await api.svc.db.select().from(schema.sessions).where(eq(schema.sessions.userId, u.id))).length).toBe(0);
    const refused = await call(api.url, "rest", routes.login, { username: name, password: STRONG });
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toBe("This account is disabled");
    expect(await auditOf(u.id, "user.disabled")).toHaveLength(1);

    const on = await call(api.url, transport, idRoutes.updateUser, { id: u.id, isActive: true }, bearer(staff));
    expect(on.data).toMatchObject({ isActive: true });
    expect((await call(api.url, "rest", routes.login, { username: name, password: STRONG })).status).toBe(200);
    expect(await meStatus(apiKey)).toBe(200); // keys weren't revoked, only suspended with their user
    expect(await auditOf(u.id, "user.enabled")).toHaveLength(1);
  });

  it("updates staff flag and display name with an audit of what changed; no-ops record nothing", async () => {
    const u = await signUpUser(api, staff, `pete_${transport}`);
    const r = await call(api.url, transport, idRoutes.updateUser, { id: u.id, isStaff: true, displayName: "  Pete P.  " }, bearer(staff));
    expect(r.data).toMatchObject({ isStaff: true, displayName: "Pete P." });
    const [audit] = await auditOf(u.id, "user.updated");
    expect(audit?.details).toMatchObject({ changes: { isStaff: true, displayName: "Pete P." }, was: { isStaff: false, displayName: null } });
    await call(api.url, transport, idRoutes.updateUser, { id: u.id, isStaff: true }, bearer(staff));
    expect(await auditOf(u.id, "user.updated")).toHaveLength(1);
    // Now staff, pete can reach the admin area.
    expect((await call(api.url, "rest", idRoutes.listUsers, undefined, bearer(u.token))).status).toBe(200);
  });

  it("staff can't disable themselves or drop their own staff flag", async () => {
    const self = await call(api.url, transport, idRoutes.updateUser, { id: adminId, isActive: false }, bearer(staff));
    expect(self.status).toBe(403);
    expect(self.error?.fieldErrors).toEqual({ isActive: ["You can't disable your own account"] });
    const demote = await call(api.url, transport, idRoutes.updateUser, { id: adminId, isStaff: false }, bearer(staff));
    expect(demote.status).toBe(403);
    expect(await meStatus(staff)).toBe(200);
  });

  it("admin reset applies the policy, sets the password and ends the user's sessions", async () => {
    const name = `quinn_${transport}`;
    const u = await signUpUser(api, staff, name);
    const weak = await call(api.url, transport, idRoutes.adminResetPassword, { id: u.id, newPassword: `${name}-2024` }, bearer(staff));
    expect(weak.status).toBe(400);
    expect(weak.error?.fieldErrors?.newPassword).toEqual(["Too similar to your username or email"]);

    const ok = await call(api.url, transport, idRoutes.adminResetPassword, { id: u.id, newPassword: "handed over in person" }, bearer(staff));
    expect(ok.status).toBe(200);
    expect((ok.data as TAdminUser).passwordChangedAt).not.toBeNull();
    expect(await meStatus(u.token)).toBe(401);
    expect((await call(api.url, "rest", routes.login, { username: name, password: STRONG })).status).toBe(401);
    expect((await call(api.url, "rest", routes.login, { username: name, password: "handed over in person" })).status).toBe(200);
    const [audit] = await auditOf(u.id, "password.admin_reset");
    expect(audit).toMatchObject({ actorId: adminId, actorUsername: "admin" });
    expect(JSON.stringify(audit)).not.toContain("handed over in person");

    const missing = await call(api.url, transport, idRoutes.adminResetPassword, { id: "00000000-0000-4000-8000-000000000000", newPassword: "handed over in person" }, bearer(staff));
    expect(missing.status).toBe(404);
  });
});

describe("admin user list", () => {
  it("searches username and email case-insensitively, filters by isActive, pages with a cursor", async () => {
    const a = await signUpUser(api, staff, "Searchable_One");
    const b = await signUpUser(api, staff, "searchable_two");
    await call(api.url, "rest", idRoutes.updateUser, { id: b.id, isActive: false }, bearer(staff));

    const search = async (input: Record<string, unknown>, transport: Transport = "rest") => {
      const r = await call(api.url, transport, idRoutes.listUsers, input, bearer(staff));
      expect(r.status).toBe(200);
      return r.data as Page;
    };
    expect((await search({ q: "SEARCHABLE" })).items.map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
    expect((await search({ q: "searchable_one@EXAMPLE" })).items.map((u) => u.id)).toEqual([a.id]);
    expect((await search({ q: "searchable", isActive: "false" })).items.map((u) => u.id)).toEqual([b.id]);
    expect((await search({ q: "searchable", isActive: true }, "trpc")).items.map((u) => u.id)).toEqual([a.id]);
    expect((await search({ q: "100%_literal" })).items).toEqual([]);
    const first = (await search({ q: "searchable" })).items[0];
    expect(first).not.toHaveProperty("passwordHash");

    const total = (await search({ limit: 100 })).items.length;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toHaveLength(total);

    const bad = await call(api.url, "rest", idRoutes.listUsers, { isActive: "maybe", limit: 0 }, bearer(staff));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.error?.fieldErrors ?? {}).sort()).toEqual(["isActive", "limit"]);
  });

  it("gets one user, 404s unknown ids", async () => {
    const r = await call(api.url, "trpc", idRoutes.getUser, { id: adminId }, bearer(staff));
    expect(r.data).toMatchObject({ id: adminId, username: "admin", isStaff: true });
    expect((await call(api.url, "rest", idRoutes.getUser, { id: "00000000-0000-4000-8000-000000000000" }, bearer(staff))).status).toBe(404);
  });
});

describe("the admin area is staff only", () => {
  it("answers 403 to a signed-in non-staff user and 401 to nobody on every /api/admin/* path here", async () => {
    const u = await signUpUser(api, staff, "ursula");
    const someId = { id: adminId };
    const calls = [
      [idRoutes.listUsers, undefined],
      [idRoutes.getUser, someId],
      [idRoutes.updateUser, { ...someId, isActive: false }],
      [idRoutes.adminResetPassword, { ...someId, newPassword: "taking over the admin" }],
      [idRoutes.listInviteKeys, undefined],
      [idRoutes.createInviteKey, {}],
      [idRoutes.revokeInviteKey, someId],
      [idRoutes.listOutbox, undefined],
      [idRoutes.getOutbox, someId],
    ] as const;
    for (const transport of ["rest", "trpc"] as const) {
      for (const [route, input] of calls) {
        expect((await call(api.url, transport, route, input, bearer(u.token))).status, `${transport} ${route.rest}`).toBe(403);
        expect((await call(api.url, transport, route, input)).status, `${transport} ${route.rest}`).toBe(401);
      }
    }
    expect(await meStatus(staff)).toBe(200);
    expect((await call(api.url, "rest", routes.login, { username: "admin", password: "admin123" })).status).toBe(200);
  });
});
