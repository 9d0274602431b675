import type { TTeamRole, TTenantRole } from "@atrium/sdk";

// Types only from the SDK: the role lists live in zod contract files, and importing a value from them
// would put zod into the shell's first load (the switcher and banners show role labels). The Records
// below must name every role, so the compiler keeps them in step with TENANT_ROLES / TEAM_ROLES.

export const ROLE_LABELS: Record<TTenantRole, string> = { owner: "Owner", admin: "Admin", member: "Member", viewer: "Viewer" };
export const ROLE_COLORS: Record<TTenantRole, string> = { owner: "grape", admin: "indigo", member: "teal", viewer: "gray" };
export const ROLE_DESCRIPTIONS: Record<TTenantRole, string> = {
  owner: "Everything, including deleting the organization",
  admin: "Manage members, invitations and settings",
  member: "Create teams and work in them",
  viewer: "Read-only access",
};

const TENANT_ROLES = Object.keys(ROLE_LABELS) as TTenantRole[];
export const ROLE_OPTIONS = TENANT_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
export const TEAM_ROLE_LABELS: Record<TTeamRole, string> = { lead: "Lead", member: "Member" };
const TEAM_ROLES = Object.keys(TEAM_ROLE_LABELS) as TTeamRole[];
export const TEAM_ROLE_OPTIONS = TEAM_ROLES.map((role) => ({ value: role, label: TEAM_ROLE_LABELS[role] }));

const RANK: Record<TTenantRole, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/**
 * Whether a role reaches `min`. Only to hide buttons that would be refused:
 * the api's policy decides, and its answer is what the user sees.
 */
export function atLeast(role: TTenantRole | null | undefined, min: TTenantRole, isStaff = false): boolean {
  if (isStaff) return true;
  return !!role && RANK[role] >= RANK[min];
}

export function isTenantRole(value: string | null): value is TTenantRole {
  return value !== null && (TENANT_ROLES as readonly string[]).includes(value);
}

export function isTeamRole(value: string | null): value is TTeamRole {
  return value !== null && (TEAM_ROLES as readonly string[]).includes(value);
}
