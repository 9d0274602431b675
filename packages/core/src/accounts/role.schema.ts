import { z } from "zod";

export const TENANT_ROLES = ["owner", "admin", "member", "viewer"] as const;
export const ZTenantRole = z.enum(TENANT_ROLES);
export type TTenantRole = z.infer<typeof ZTenantRole>;

export const TEAM_ROLES = ["lead", "member"] as const;
export const ZTeamRole = z.enum(TEAM_ROLES);
export type TTeamRole = z.infer<typeof ZTeamRole>;
