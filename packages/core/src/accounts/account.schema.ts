import { z } from "zod";
import { pageOf, ZPageInput } from "../shared/pagination.schema.js";
import { zId, zName, zQueryBool } from "../shared/fields.schema.js";
import { ZMember } from "../organizations/member.schema.js";
import { ZTenantRole } from "./role.schema.js";

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

export const ZCreateAccountInput = z.object({ name: zName("account") });
export type TCreateAccountInput = z.infer<typeof ZCreateAccountInput>;

export const ZAccountIdInput = z.object({ id: zId("account") });
export const ZUpdateAccountInput = z.object({ id: zId("account"), name: zName("account") });
export type TUpdateAccountInput = z.infer<typeof ZUpdateAccountInput>;

export const ZAccountMembersInput = ZPageInput.extend({ id: zId("account") });
export type TAccountMembersInput = z.infer<typeof ZAccountMembersInput>;
export const ZMemberPage = pageOf(ZMember);

export const ZUpdateAccountMemberInput = z.object({ id: zId("account"), userId: zId("user"), role: ZTenantRole });
export type TUpdateAccountMemberInput = z.infer<typeof ZUpdateAccountMemberInput>;
export const ZRemoveAccountMemberInput = z.object({ id: zId("account"), userId: zId("user") });
export type TRemoveAccountMemberInput = z.infer<typeof ZRemoveAccountMemberInput>;
