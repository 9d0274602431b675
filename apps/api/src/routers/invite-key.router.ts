import { inviteKeyService, ZCreatedInviteKey, ZCreateInviteKeyInput, ZInviteKey, ZInviteKeyIdInput, ZInviteKeyList, ZListInviteKeysInput } from "@atrium/core";
import { router, staffProcedure } from "../trpc/init.js";

const tags = ["admin: invite keys"];

export const inviteKeyRouter = router({
  list: staffProcedure
    .meta({ openapi: { method: "GET", path: "/admin/invite-keys/", tags, summary: "Invite keys, newest first (staff)", protect: true } })
    .input(ZListInviteKeysInput)
    .output(ZInviteKeyList)
    .query(({ ctx, input }) => inviteKeyService.listInviteKeys(ctx.svc, ctx.actor, input)),

  create: staffProcedure
    .meta({ openapi: { method: "POST", path: "/admin/invite-keys/", tags, summary: "Create an invite key (the key is shown once)", protect: true } })
    .input(ZCreateInviteKeyInput)
    .output(ZCreatedInviteKey)
    .mutation(({ ctx, input }) => inviteKeyService.createInviteKey(ctx.svc, ctx.actor, input, ctx.meta)),

  revoke: staffProcedure
    .meta({ openapi: { method: "DELETE", path: "/admin/invite-keys/{id}/", tags, summary: "Revoke an unused invite key", protect: true } })
    .input(ZInviteKeyIdInput)
    .output(ZInviteKey)
    .mutation(({ ctx, input }) => inviteKeyService.revokeInviteKey(ctx.svc, ctx.actor, input.id, ctx.meta)),
});
