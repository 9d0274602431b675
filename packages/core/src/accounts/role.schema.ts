import { z } from "zod";

export const TENANT_ROLES = ["owner", "admin", "member", "viewer"] as const;
export const ZTenantRole = z.enum(TENANT_ROLES);
export type TTenantRole = z.infer<typeof ZTenantRole>;

export const TEAM_ROLES = ["lead", "member"] as const;
export const ZTeamRole = z.enum(TEAM_ROLES);
export type TTeamRole = z.infer<typeof ZTeamRole>;

/** A member's part in the account's hiring (beside the tenant role); admins and owners need none. */
export const RECRUITING_ROLES = ["recruiter", "hiring_manager"] as const;
export const ZRecruitingRole = z.enum(RECRUITING_ROLES, { error: "Recruiting role must be recruiter or hiring_manager" });
export type TRecruitingRole = z.infer<typeof ZRecruitingRole>;
