import { z } from "zod";
import { pageOf, ZPageInput } from "../shared/pagination.schema.js";
import { zDescription, zId, zName } from "../shared/fields.schema.js";
import { ZTeamMember } from "../organizations/member.schema.js";
import { ZTeamRole } from "../accounts/role.schema.js";

export const ZTeam = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    organizationId: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    createdAt: z.string(),
    deletedAt: z.string().nullable(),
  })
  .meta({ id: "Team" });
export type TTeam = z.infer<typeof ZTeam>;
export const ZTeamPage = pageOf(ZTeam);

export const ZListTeamsInput = ZPageInput.extend({ organizationId: zId("organization").optional() });
export type TListTeamsInput = z.infer<typeof ZListTeamsInput>;

export const ZCreateTeamInput = z.object({ organizationId: zId("organization"), name: zName("team"), description: zDescription.optional() });
export type TCreateTeamInput = z.infer<typeof ZCreateTeamInput>;

export const ZTeamIdInput = z.object({ id: zId("team") });
export const ZUpdateTeamInput = z.object({ id: zId("team"), name: zName("team").optional(), description: zDescription.nullable().optional() });
export type TUpdateTeamInput = z.infer<typeof ZUpdateTeamInput>;

export const ZTeamMembersInput = ZPageInput.extend({ id: zId("team") });
export type TTeamMembersInput = z.infer<typeof ZTeamMembersInput>;
export const ZTeamMemberPage = pageOf(ZTeamMember);
export const ZAddTeamMemberInput = z.object({ id: zId("team"), userId: zId("user"), role: ZTeamRole.default("member") });
export type TAddTeamMemberInput = z.infer<typeof ZAddTeamMemberInput>;
export const ZRemoveTeamMemberInput = z.object({ id: zId("team"), userId: zId("user") });
export type TRemoveTeamMemberInput = z.infer<typeof ZRemoveTeamMemberInput>;
