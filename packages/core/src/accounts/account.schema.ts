import { z } from "zod";
import { pageOf, ZPageInput } from "../shared/pagination.schema.js";
import { zId, zName, zQueryBool } from "../shared/fields.schema.js";
import { ZMember } from "../organizations/member.schema.js";
import { ZRecruitingRole, ZTenantRole } from "./role.schema.js";

export const ZTenantAccount = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    /** The caller's role in this account; null for staff looking at someone else's. */
    role: ZTenantRole.nullable(),
    createdAt: z.string(),
    deletedAt: z.string().nullable(),
  })
  .meta({ id: "TenantAccount" });
export type TTenantAccount = z.infer<typeof ZTenantAccount>;
export const ZTenantAccountPage = pageOf(ZTenantAccount);

export const ZListAccountsInput = ZPageInput.extend({
  includeDeleted: zQueryBool.optional().describe("Staff only: include soft-deleted accounts"),
});
export type TListAccountsInput = z.infer<typeof ZListAccountsInput>;

export const ZCreateAccountInput = z.strictObject({ name: zName("account") });
export type TCreateAccountInput = z.infer<typeof ZCreateAccountInput>;

export const ZAccountIdInput = z.strictObject({ id: zId("account") });
export const ZUpdateAccountInput = z.strictObject({ id: zId("account"), name: zName("account") });
export type TUpdateAccountInput = z.infer<typeof ZUpdateAccountInput>;

export const ZAccountMembersInput = ZPageInput.extend({ id: zId("account") });
export type TAccountMembersInput = z.infer<typeof ZAccountMembersInput>;
export const ZMemberPage = pageOf(ZMember);

/** Either or both: the account role, and the recruiting role (null takes it away). */
export const ZUpdateAccountMemberInput = z.strictObject({
  id: zId("account"),
  userId: zId("user"),
  role: ZTenantRole.optional(),
  recruitingRole: ZRecruitingRole.nullable().optional().describe("recruiter, hiring_manager, or null for none"),
});
export type TUpdateAccountMemberInput = z.infer<typeof ZUpdateAccountMemberInput>;
export const ZRemoveAccountMemberInput = z.strictObject({ id: zId("account"), userId: zId("user") });
export type TRemoveAccountMemberInput = z.infer<typeof ZRemoveAccountMemberInput>;
