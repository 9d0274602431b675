import { ServiceError } from "../shared/errors.js";
import type { TRecruitingRole, TTenantRole } from "./role.schema.js";

/**
 * The one place that decides who may do what. Every procedure that touches a
 * tenant's data asks `authorize` (or `can`) with the resource's tenant ids.
 */
export type Action =
  | "account.read"
  | "account.update"
  | "account.delete"
  | "account.manage_members"
  | "account.restore"
  | "organization.create"
  | "organization.read"
  | "organization.update"
  | "organization.delete"
  | "organization.manage_members"
  | "organization.restore"
  | "team.read"
  | "team.write"
  | "team.delete"
  | "team.manage_members"
  | "team.restore"
  | "audit.read"
  | "billing.read"
  | "billing.manage"
  | "data.read"
  | "data.write"
  | "data.export"
  | "recruiting.read"
  | "recruiting.manage";

const RANK: Record<TTenantRole, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/**
 * Minimum role per action, and whether the organization's own role counts.
 * `staffOnly` actions are platform operations no tenant role grants.
 */
const RULES: Record<Action, { min: TTenantRole; level: "account" | "organization"; staffOnly?: true; recruiting?: readonly TRecruitingRole[] }> = {
  "account.read": { min: "viewer", level: "account" },
  "account.update": { min: "admin", level: "account" },
  "account.delete": { min: "owner", level: "account" },
  "account.manage_members": { min: "admin", level: "account" },
  // A deleted account has no members left to ask, so only the platform can bring it back.
  "account.restore": { min: "owner", level: "account", staffOnly: true },
  "organization.create": { min: "member", level: "account" },
  "organization.read": { min: "viewer", level: "organization" },
  "organization.update": { min: "admin", level: "organization" },
  "organization.delete": { min: "owner", level: "organization" },
  "organization.manage_members": { min: "admin", level: "organization" },
  // A deleted organization's own roles are gone; its account's admins decide.
  "organization.restore": { min: "admin", level: "account" },
  "team.read": { min: "viewer", level: "organization" },
  "team.write": { min: "member", level: "organization" },
  "team.delete": { min: "admin", level: "organization" },
  "team.manage_members": { min: "member", level: "organization" },
  "team.restore": { min: "admin", level: "organization" },
  "audit.read": { min: "admin", level: "account" },
  "billing.read": { min: "viewer", level: "account" },
  "billing.manage": { min: "admin", level: "account" },
  "data.read": { min: "viewer", level: "account" },
  "data.write": { min: "member", level: "account" },
  // The whole tenant, every member's profile and the audit trail: what the account's admins may already see.
  "data.export": { min: "admin", level: "account" },
  // Candidates' personal data: admins, plus the members given a recruiting role (not every member).
  "recruiting.read": { min: "admin", level: "account", recruiting: ["recruiter", "hiring_manager"] },
  "recruiting.manage": { min: "admin", level: "account", recruiting: ["recruiter"] },
};

export interface PolicyActor {
  userId: string;
  /** For audit records; set by loadPolicyActor. */
  username?: string;
  isStaff: boolean;
  /** Role per account (tenant) the user belongs to. */
  accountRoles: Record<string, TTenantRole>;
  /** Role per organization the user is a member of. */
  orgRoles: Record<string, TTenantRole>;
  /** Recruiting role per account where the member has one. */
  recruitingRoles?: Record<string, TRecruitingRole>;
}

export interface TenantResource {
  accountId: string;
  organizationId?: string;
}

const higher = (a?: TTenantRole, b?: TTenantRole) => (!a ? b : !b ? a : RANK[a] >= RANK[b] ? a : b);

/** The role that counts for this resource: account admins and owners carry theirs into every organization. */
export function effectiveRole(actor: PolicyActor, resource: TenantResource, level: "account" | "organization"): TTenantRole | undefined {
  const accountRole = actor.accountRoles[resource.accountId];
  if (level === "account" || !resource.organizationId) return accountRole;
  const orgRole = actor.orgRoles[resource.organizationId];
  const inherited = accountRole && RANK[accountRole] >= RANK.admin ? accountRole : undefined;
  return higher(orgRole, inherited);
}

export function isInTenant(actor: PolicyActor, accountId: string): boolean {
  return actor.isStaff || accountId in actor.accountRoles;
}

export function can(actor: PolicyActor, action: Action, resource: TenantResource): boolean {
  if (actor.isStaff) return true;
  const rule = RULES[action];
  if (rule.staffOnly) return false;
  const role = effectiveRole(actor, resource, rule.level);
  if (role !== undefined && RANK[role] >= RANK[rule.min]) return true;
  const recruiting = actor.recruitingRoles?.[resource.accountId];
  return role !== undefined && recruiting !== undefined && (rule.recruiting?.includes(recruiting) ?? false);
}

/**
 * Throws unless allowed. Outside the tenant the answer is NOT_FOUND, so other
 * tenants' ids can't be probed; inside it, a too-small role is FORBIDDEN.
 */
export function authorize(actor: PolicyActor, action: Action, resource: TenantResource, what = "Resource"): void {
  if (can(actor, action, resource)) return;
  if (!isInTenant(actor, resource.accountId)) throw new ServiceError("NOT_FOUND", `${what} not found`);
  if (RULES[action].staffOnly) throw new ServiceError("FORBIDDEN", "Only platform staff can do this");
  if (resource.organizationId && !(resource.organizationId in actor.orgRoles) && !effectiveRole(actor, resource, "organization")) {
    throw new ServiceError("NOT_FOUND", `${what} not found`);
  }
  throw new ServiceError("FORBIDDEN", `Your role does not allow ${action.replace(/[._]/g, " ")}`);
}

/** Platform operations outside any tenant (listing every tenant, restoring users); `what` names the work in the refusal. */
export function authorizeStaff(actor: Pick<PolicyActor, "isStaff">, what = "do this"): void {
  if (!actor.isStaff) throw new ServiceError("FORBIDDEN", `Only platform staff can ${what}`);
}

/** Whether the actor holds the owner role here: only owners may grant or take away ownership. */
export function isOwnerOf(actor: PolicyActor, resource: TenantResource): boolean {
  return actor.isStaff || effectiveRole(actor, resource, resource.organizationId ? "organization" : "account") === "owner";
}

/** Account ids where the actor is admin or owner: their rights reach every organization there. */
export function adminAccountIds(actor: PolicyActor): string[] {
  return Object.entries(actor.accountRoles)
    .filter(([, role]) => RANK[role] >= RANK.admin)
    .map(([id]) => id);
}
