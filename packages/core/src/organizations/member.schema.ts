import { z } from "zod";
import { ZRecruitingRole, ZTeamRole, ZTenantRole } from "../accounts/role.schema.js";

/** A person in an account or organization, with their role there. */
export const ZMember = z
  .object({
    userId: z.uuid(),
    username: z.string(),
    displayName: z.string().nullable(),
    email: z.string(),
    role: ZTenantRole,
    /** Account members only (organizations have no recruiting roles): their part in the account's hiring. */
    recruitingRole: ZRecruitingRole.nullable().optional().describe("Account members: recruiter, hiring_manager or null"),
    joinedAt: z.string(),
  })
  .meta({ id: "Member" });
export type TMember = z.infer<typeof ZMember>;

export const ZTeamMember = z
  .object({
    userId: z.uuid(),
    username: z.string(),
    displayName: z.string().nullable(),
    role: ZTeamRole,
    joinedAt: z.string(),
  })
  .meta({ id: "TeamMember" });
export type TTeamMember = z.infer<typeof ZTeamMember>;
