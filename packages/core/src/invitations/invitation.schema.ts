import { z } from "zod";
import { pageOf, ZPageInput } from "../shared/pagination.schema.js";
import { zId } from "../shared/fields.schema.js";
import { ZTenantRole } from "../accounts/role.schema.js";

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

/**
 * Always a pending invitation, registered address or not: nobody joins until
 * they accept, and the answer doesn't tell which addresses have accounts.
 */
export const ZInviteResult = z.object({
  status: z.literal("invited"),
  invitation: ZInvitation,
  replacedPrevious: z.boolean().describe("True when an earlier pending invitation to this address was revoked: its link no longer works"),
});
export type TInviteResult = z.infer<typeof ZInviteResult>;

export const ZListInvitationsInput = ZPageInput.extend({ id: zId("organization") });
export type TListInvitationsInput = z.infer<typeof ZListInvitationsInput>;
export const ZRevokeInvitationInput = z.object({ id: zId("organization"), invitationId: zId("invitation") });
export type TRevokeInvitationInput = z.infer<typeof ZRevokeInvitationInput>;

/** What a superseded link's page says (the SPA shows it as the whole story, with no other advice). */
export const INVITATION_SUPERSEDED = "A newer invitation was sent to this address — use the latest email";

export const ZInvitationTokenInput = z.object({ token: z.string().trim().min(1, "The invitation token is missing").max(200) });
export type TInvitationTokenInput = z.infer<typeof ZInvitationTokenInput>;

/** What the signup page shows about an invitation before the user has an account. */
export const ZInvitationPreview = z
  .object({ organizationName: z.string(), email: z.string(), role: ZTenantRole, expiresAt: z.string() })
  .meta({ id: "InvitationPreview" });
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

export const ZAcceptedInvitation = z.object({ organizationId: z.uuid(), accountId: z.uuid() });

const ONE_OF = "Give the invitation's id or the token from its link";
/** Accept or decline names the invitation by id (the SPA's list) or by the emailed link's token. */
export const ZRespondInvitationInput = z
  .object({
    invitationId: zId("invitation").optional().describe("From GET /api/me/invitations/"),
    token: z.string().trim().min(1, "The invitation token is missing").max(200).optional().describe("From the invitation email's link"),
  })
  .refine((v) => !!v.invitationId !== !!v.token, { message: ONE_OF, path: ["invitationId"] });
export type TRespondInvitationInput = z.infer<typeof ZRespondInvitationInput>;

/** An invitation addressed to the caller's confirmed email, as their "pending invitations" notice shows it. */
export const ZMyInvitation = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    email: z.string(),
    role: ZTenantRole,
    inviterName: z.string().nullable(),
    expiresAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "MyInvitation" });
export type TMyInvitation = z.infer<typeof ZMyInvitation>;
export const ZMyInvitationList = z.object({
  items: z.array(ZMyInvitation),
  emailVerified: z.boolean().describe("False: confirm your address first; invitations to it are not shown until then"),
});
export type TMyInvitationList = z.infer<typeof ZMyInvitationList>;
export const ZDeclinedInvitation = z.object({ ok: z.literal(true) });
