import {
  acceptInvitation,
  invitationService,
  ZAcceptedInvitation,
  ZCreateInvitationInput,
  ZInvitation,
  ZInvitationPage,
  ZInvitationPreview,
  ZInvitationTokenInput,
  ZInviteResult,
  ZListInvitationsInput,
  ZRevokeInvitationInput,
} from "@atrium/core";
import { protectedProcedure, publicProcedure, router, tenantProcedure } from "../trpc/init.js";

const tags = ["invitations"];

export const invitationRouter = router({
  create: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/v1/organizations/{id}/invitations/", tags, summary: "Invite by email: existing users join at once, others get a signup link", protect: true } })
    .input(ZCreateInvitationInput)
    .output(ZInviteResult)
    .mutation(({ ctx, input }) => invitationService.inviteToOrganization(ctx.svc, ctx.policy, input, ctx.meta)),

  list: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/v1/organizations/{id}/invitations/", tags, summary: "Pending invitations of an organization", protect: true } })
    .input(ZListInvitationsInput)
    .output(ZInvitationPage)
    .query(({ ctx, input }) => invitationService.listInvitations(ctx.svc, ctx.policy, input)),

  revoke: tenantProcedure
    .meta({ openapi: { method: "DELETE", path: "/v1/organizations/{id}/invitations/{invitationId}/", tags, summary: "Revoke a pending invitation", protect: true } })
    .input(ZRevokeInvitationInput)
    .output(ZInvitation)
    .mutation(({ ctx, input }) => invitationService.revokeInvitation(ctx.svc, ctx.policy, input, ctx.meta)),

  get: publicProcedure
    .meta({ openapi: { method: "GET", path: "/v1/invitations/{token}/", tags, summary: "What an invitation link offers (for the signup page)" } })
    .input(ZInvitationTokenInput)
    .output(ZInvitationPreview)
    .query(({ ctx, input }) => invitationService.previewInvitation(ctx.svc, input.token)),

  accept: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/v1/invitations/accept/", tags, summary: "Accept an invitation as the logged-in user", protect: true } })
    .input(ZInvitationTokenInput)
    .output(ZAcceptedInvitation)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.svc, { token: input.token, userId: ctx.actor.userId }, ctx.meta)),
});
