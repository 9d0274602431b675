import { describe, expect, it } from "vitest";
import { authorize, can, isOwnerOf, type PolicyActor } from "./policy.service.js";

const A = "acc-a";
const B = "acc-b";
const actor = (over: Partial<PolicyActor> = {}): PolicyActor => ({ userId: "u", isStaff: false, accountRoles: {}, orgRoles: {}, ...over });

describe("policy", () => {
  it("lets a viewer read but not write", () => {
    const v = actor({ accountRoles: { [A]: "viewer" }, orgRoles: { o1: "viewer" } });
    expect(can(v, "organization.read", { accountId: A, organizationId: "o1" })).toBe(true);
    expect(can(v, "team.write", { accountId: A, organizationId: "o1" })).toBe(false);
    expect(() => authorize(v, "team.write", { accountId: A, organizationId: "o1" })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("gives recruiting rights to admins and to members with a recruiting role, only in that account", () => {
    const plain = actor({ accountRoles: { [A]: "member" } });
    const manager = actor({ accountRoles: { [A]: "member" }, recruitingRoles: { [A]: "hiring_manager" } });
    const recruiter = actor({ accountRoles: { [A]: "viewer", [B]: "member" }, recruitingRoles: { [A]: "recruiter" } });
    expect(can(plain, "recruiting.read", { accountId: A })).toBe(false);
    expect(can(manager, "recruiting.read", { accountId: A })).toBe(true);
    expect(can(manager, "recruiting.manage", { accountId: A })).toBe(false);
    expect(can(recruiter, "recruiting.manage", { accountId: A })).toBe(true);
    expect(can(recruiter, "recruiting.read", { accountId: B })).toBe(false);
    expect(can(actor({ accountRoles: { [A]: "admin" } }), "recruiting.manage", { accountId: A })).toBe(true);
    // A stale recruiting role of an account the user left grants nothing.
    expect(can(actor({ recruitingRoles: { [A]: "recruiter" } }), "recruiting.read", { accountId: A })).toBe(false);
  });

  it("does not let a member manage members", () => {
    const m = actor({ accountRoles: { [A]: "member" }, orgRoles: { o1: "member" } });
    expect(can(m, "team.write", { accountId: A, organizationId: "o1" })).toBe(true);
    expect(can(m, "organization.manage_members", { accountId: A, organizationId: "o1" })).toBe(false);
  });

  it("carries account admin rights into every organization of the account, not beyond", () => {
    const admin = actor({ accountRoles: { [A]: "admin" } });
    expect(can(admin, "organization.manage_members", { accountId: A, organizationId: "any" })).toBe(true);
    expect(can(admin, "organization.read", { accountId: B, organizationId: "x" })).toBe(false);
  });

  it("answers another tenant's resource with NOT_FOUND, never FORBIDDEN", () => {
    const owner = actor({ accountRoles: { [A]: "owner" }, orgRoles: { o1: "owner" } });
    expect(() => authorize(owner, "organization.read", { accountId: B, organizationId: "o9" }, "Organization")).toThrow(
      expect.objectContaining({ code: "NOT_FOUND", message: "Organization not found" }),
    );
  });

  it("hides an organization of the same tenant that a plain member is not in", () => {
    const m = actor({ accountRoles: { [A]: "member" }, orgRoles: { o1: "member" } });
    expect(() => authorize(m, "organization.read", { accountId: A, organizationId: "o2" })).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("lets staff do anything", () => {
    expect(can(actor({ isStaff: true }), "account.delete", { accountId: B })).toBe(true);
  });

  it("keeps staff-only actions from every tenant role, answering FORBIDDEN inside the tenant", () => {
    const owner = actor({ accountRoles: { [A]: "owner" } });
    expect(can(owner, "account.restore", { accountId: A })).toBe(false);
    expect(() => authorize(owner, "account.restore", { accountId: A })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => authorize(owner, "account.restore", { accountId: B })).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("lets account admins restore organizations, and counts account owners as owners of every organization", () => {
    const admin = actor({ accountRoles: { [A]: "admin" } });
    expect(can(admin, "organization.restore", { accountId: A, organizationId: "gone" })).toBe(true);
    expect(isOwnerOf(admin, { accountId: A, organizationId: "o1" })).toBe(false);
    expect(isOwnerOf(actor({ accountRoles: { [A]: "owner" } }), { accountId: A, organizationId: "o1" })).toBe(true);
    expect(isOwnerOf(actor({ accountRoles: { [A]: "member" }, orgRoles: { o1: "owner" } }), { accountId: A, organizationId: "o1" })).toBe(true);
  });
});
