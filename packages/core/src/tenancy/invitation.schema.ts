import { z } from "zod";
import { pageOf, ZPageInput } from "../shared/pagination.schema.js";
import { zId } from "./fields.schema.js";
import { ZMember } from "./member.schema.js";
import { ZTenantRole } from "./tenancy.schema.js";

export const ZInvitation = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    email: z.string(),
    role: ZTenantRole,
    invitedById: z.uuid().nullable(),
    expiresAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Invitation" });
export type TInvitation = z.infer<typeof ZInvitation>;
export const ZInvitationPage = pageOf(ZInvitation);

export const ZCreateInvitationInput = z.object({
  id: zId("organization"),
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
  role: ZTenantRole.default("member"),
});
export type TCreateInvitationInput = z.infer<typeof ZCreateInvitationInput>;

/** An existing user joins at once; anyone else gets an emailed invitation. */
export const ZInviteResult = z.discriminatedUnion("status", [
  z.object({ status: z.literal("added"), member: ZMember }),
  z.object({ status: z.literal("invited"), invitation: ZInvitation }),
]);
export type TInviteResult = z.infer<typeof ZInviteResult>;

export const ZListInvitationsInput = ZPageInput.extend({ id: zId("organization") });
export type TListInvitationsInput = z.infer<typeof ZListInvitationsInput>;
export const ZRevokeInvitationInput = z.object({ id: zId("organization"), invitationId: zId("invitation") });
export type TRevokeInvitationInput = z.infer<typeof ZRevokeInvitationInput>;

export const ZInvitationTokenInput = z.object({ token: z.string().trim().min(1, "The invitation token is missing").max(200) });
export type TInvitationTokenInput = z.infer<typeof ZInvitationTokenInput>;

/** What the signup page shows about an invitation before the user has an account. */
export const ZInvitationPreview = z
  .object({ organizationName: z.string(), email: z.string(), role: ZTenantRole, expiresAt: z.string() })
  .meta({ id: "InvitationPreview" });
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

export const ZAcceptedInvitation = z.object({ organizationId: z.uuid(), accountId: z.uuid() });
