import { z } from "zod";
import { pageOf, ZPageInput } from "../shared/pagination.schema.js";
import { zDescription, zId, zName } from "../shared/fields.schema.js";
import { ZRecruitingRole, ZTenantRole } from "../accounts/role.schema.js";

export const zSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters")
  .max(60, "At most 60 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes");

export const ZOrganization = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    /** The caller's role in this organization (inherited from the account for its admins). */
    role: ZTenantRole.nullable(),
    createdAt: z.string(),
    deletedAt: z.string().nullable(),
  })
  .meta({ id: "Organization" });
export type TOrganization = z.infer<typeof ZOrganization>;
export const ZOrganizationPage = pageOf(ZOrganization);

/** A soft-deleted organization as staff see it, to restore before the retention purge. */
export const ZDeletedOrganization = ZOrganization.extend({ accountName: z.string(), deletedAt: z.string() }).meta({ id: "DeletedOrganization" });
export type TDeletedOrganization = z.infer<typeof ZDeletedOrganization>;
export const ZDeletedOrganizationPage = pageOf(ZDeletedOrganization);
export const ZListDeletedOrganizationsInput = ZPageInput;
export type TDeletedOrganizationPage = z.infer<typeof ZDeletedOrganizationPage>;
export type TListDeletedOrganizationsInput = z.infer<typeof ZListDeletedOrganizationsInput>;

export const ZListOrganizationsInput = ZPageInput.extend({ accountId: zId("account").optional() });
export type TListOrganizationsInput = z.infer<typeof ZListOrganizationsInput>;

export const ZCreateOrganizationInput = z.strictObject({
  accountId: zId("account"),
  name: zName("organization"),
  slug: zSlug.optional().describe("Defaults to one made from the name; unique within the account"),
  description: zDescription.optional(),
});
export type TCreateOrganizationInput = z.infer<typeof ZCreateOrganizationInput>;

export const ZOrganizationIdInput = z.strictObject({ id: zId("organization") });
export const ZUpdateOrganizationInput = z.strictObject({
  id: zId("organization"),
  name: zName("organization").optional(),
  slug: zSlug.optional(),
  description: zDescription.nullable().optional(),
});
export type TUpdateOrganizationInput = z.infer<typeof ZUpdateOrganizationInput>;

export const ZOrganizationMembersInput = ZPageInput.extend({ id: zId("organization") });
export type TOrganizationMembersInput = z.infer<typeof ZOrganizationMembersInput>;
export const ZAddOrganizationMemberInput = z.strictObject({ id: zId("organization"), userId: zId("user"), role: ZTenantRole.default("member") });
export type TAddOrganizationMemberInput = z.infer<typeof ZAddOrganizationMemberInput>;
export const ZUpdateOrganizationMemberInput = z.strictObject({ id: zId("organization"), userId: zId("user"), role: ZTenantRole });
export type TUpdateOrganizationMemberInput = z.infer<typeof ZUpdateOrganizationMemberInput>;
export const ZRemoveOrganizationMemberInput = z.strictObject({ id: zId("organization"), userId: zId("user") });
export type TRemoveOrganizationMemberInput = z.infer<typeof ZRemoveOrganizationMemberInput>;

/** What the organization switcher needs: every account and organization the caller belongs to. */
export const ZMyMemberships = z
  .object({
    accounts: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        slug: z.string(),
        role: ZTenantRole,
        recruitingRole: ZRecruitingRole.nullable(),
        /** What the policy says (recruiting.read / recruiting.manage): the SPA shows the HR portal from these. */
        recruiting: z.object({ read: z.boolean(), manage: z.boolean() }),
      }),
    ),
    organizations: z.array(z.object({ id: z.uuid(), accountId: z.uuid(), name: z.string(), slug: z.string(), role: ZTenantRole })),
  })
  .meta({ id: "MyMemberships" });
export type TMyMemberships = z.infer<typeof ZMyMemberships>;
