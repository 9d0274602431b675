// Issue 10 item 9: a new user's first screens tell the truth — their tenant role (not the staff flag),
// this sign-in (not "Never"), "Welcome" before "Welcome back" — and they can set their own display name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../testing.js";
import { IDENTITY_TEST_ENV, newVerifiedUser, signUpUser, STRONG, tokenFor } from "./identity.test-helpers.js";
import { rest, type TestUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let staff: TestUser;

beforeAll(async () => {
  api = await startTestApi(IDENTITY_TEST_ENV);
  staff = await newVerifiedUser(api, "pf-staff", { isStaff: true });
});
afterAll(async () => {
  await api?.close();
});

describe("me after signup and sign-in", () => {
  it("a new user is the owner of their account, signed in now, with no previous sign-in; the next login has one", async () => {
    const fresh = await signUpUser(api, staff.token, "pf-newbie");
    const first = await rest(api, fresh.token, "GET", "/me/");
    expect(first.status).toBe(200);
    const me = first.body as { user: { isStaff: boolean; lastLoginAt: string | null; previousLoginAt: string | null }; accountRole: string | null };
    expect(me.accountRole).toBe("owner");
    expect(me.user.isStaff).toBe(false);
    expect(me.user.lastLoginAt).not.toBeNull();
    expect(me.user.previousLoginAt).toBeNull();

    const again = await tokenFor(api, "pf-newbie", STRONG);
    const second = (await rest(api, again, "GET", "/me/")).body as { user: { lastLoginAt: string; previousLoginAt: string | null } };
    expect(second.user.previousLoginAt).toBe(me.user.lastLoginAt);
    expect(Date.parse(second.user.lastLoginAt)).toBeGreaterThanOrEqual(Date.parse(me.user.lastLoginAt ?? ""));
  });
});

describe("PATCH /me/profile/", () => {
  it("sets, trims and clears your own display name", async () => {
    const u = await newVerifiedUser(api, "pf-named");
    const set = await rest(api, u.token, "PATCH", "/me/profile/", { displayName: "  Nora Lindqvist  " });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: u.user.id, displayName: "Nora Lindqvist" });
    expect((await u.call.auth.me()).user.displayName).toBe("Nora Lindqvist");
    const cleared = await rest(api, u.token, "PATCH", "/me/profile/", { displayName: null });
    expect(cleared.body).toMatchObject({ displayName: null });
  });

  it("refuses empty, over-long and control-character names with a message on the field, never a 500", async () => {
    const u = await newVerifiedUser(api, "pf-bad");
    for (const [displayName, message] of [
      ["   ", /Enter a display name/],
      ["x".repeat(81), /At most 80/],
      ["Nora\nAdmin", /Control characters/],
      ["Bell\u0007", /Control characters/],
    ] as const) {
      const r = await rest(api, u.token, "PATCH", "/me/profile/", { displayName });
      expect(r.status, JSON.stringify(displayName)).toBe(400);
      expect(r.body.data?.fieldErrors?.displayName?.join(" ")).toMatch(message);
    }
    expect((await u.call.auth.me()).user.displayName).toBeNull();
  });
});
