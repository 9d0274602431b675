import { z } from "zod";
import {
  invitationResponseService,
  invitationService,
  ZAcceptedInvitation,
  ZCreateInvitationInput,
  ZDeclinedInvitation,
  ZMyInvitationList,
  ZRespondInvitationInput,
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
    .meta({ openapi: { method: "POST", path: "/organizations/{id}/invitations/", tags, summary: "Invite by email: the address gets a link; nobody joins until the invited person accepts", protect: true } })
    .input(ZCreateInvitationInput)
    .output(ZInviteResult)
    .mutation(({ ctx, input }) => invitationService.inviteToOrganization(ctx.svc, ctx.tenant, input, ctx.meta)),

  list: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/organizations/{id}/invitations/", tags, summary: "Pending invitations of an organization", protect: true } })
    .input(ZListInvitationsInput)
    .output(ZInvitationPage)
    .query(({ ctx, input }) => invitationService.listInvitations(ctx.svc, ctx.tenant, input)),

  revoke: tenantProcedure
    .meta({ openapi: { method: "DELETE", path: "/organizations/{id}/invitations/{invitationId}/", tags, summary: "Revoke a pending invitation", protect: true } })
    .input(ZRevokeInvitationInput)
    .output(ZInvitation)
    .mutation(({ ctx, input }) => invitationService.revokeInvitation(ctx.svc, ctx.tenant, input, ctx.meta)),

  get: publicProcedure
    .meta({ openapi: { method: "GET", path: "/invitations/{token}/", tags, summary: "What an invitation link offers (for the signup page)" } })
    .input(ZInvitationTokenInput)
    .output(ZInvitationPreview)
    .query(({ ctx, input }) => invitationService.previewInvitation(ctx.svc, input.token)),

  mine: protectedProcedure
    .meta({ openapi: { method: "GET", path: "/me/invitations/", tags, summary: "Pending invitations to your confirmed email address", protect: true } })
    .input(z.void())
    .output(ZMyInvitationList)
    .query(({ ctx }) => invitationResponseService.listMyInvitations(ctx.svc, ctx.actor.userId)),

  accept: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/invitations/accept/", tags, summary: "Accept an invitation sent to your confirmed email address (by id or link token)", protect: true } })
    .input(ZRespondInvitationInput)
    .output(ZAcceptedInvitation)
    .mutation(({ ctx, input }) => invitationResponseService.acceptInvitation(ctx.svc, { ...input, userId: ctx.actor.userId }, ctx.meta)),

  decline: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/invitations/decline/", tags, summary: "Decline an invitation sent to your confirmed email address", protect: true } })
    .input(ZRespondInvitationInput)
    .output(ZDeclinedInvitation)
    .mutation(({ ctx, input }) => invitationResponseService.declineInvitation(ctx.svc, { ...input, userId: ctx.actor.userId }, ctx.meta)),
});
