import { passwordService, ZChangePasswordInput, ZConfirmPasswordResetInput, ZOkMessage, ZRequestPasswordResetInput } from "@atrium/core";
import { protectedProcedure, publicProcedure, router } from "../trpc/init.js";

const tags = ["auth"];

export const passwordRouter = router({
  change: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/auth/password/change/", tags, summary: "Change your password (other sessions end; API keys revoked unless revokeApiKeys is false)", protect: true } })
    .input(ZChangePasswordInput)
    .output(ZOkMessage)
    .mutation(async ({ ctx, input }) => {
      await passwordService.changePassword(ctx.svc, ctx.actor, { ...input, currentSessionId: ctx.auth.sessionId }, ctx.meta);
      return { ok: true as const, message: "Your password has been changed." };
    }),

  requestReset: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/password/reset/", tags, summary: "Email a password reset link (same answer for unknown addresses)" } })
    .input(ZRequestPasswordResetInput)
    .output(ZOkMessage)
    .mutation(({ ctx, input }) => passwordService.requestPasswordReset(ctx.svc, input, ctx.meta)),

  confirmReset: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/password/reset/confirm/", tags, summary: "Set a new password with a reset token (all sessions end, API keys revoked)" } })
    .input(ZConfirmPasswordResetInput)
    .output(ZOkMessage)
    .mutation(({ ctx, input }) => passwordService.confirmPasswordReset(ctx.svc, input, ctx.meta)),
});
