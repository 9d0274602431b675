import { z } from "zod";
import { emailVerificationService, ZChangeEmailInput, ZOkMessage, ZUser, ZVerifyEmailInput } from "@atrium/core";
import { protectedProcedure, publicProcedure, router } from "../trpc/init.js";

const tags = ["auth"];

export const emailVerificationRouter = router({
  verify: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/email/verify/", tags, summary: "Confirm an email address with the token from the mailed link" } })
    .input(ZVerifyEmailInput)
    .output(ZOkMessage)
    .mutation(({ ctx, input }) => emailVerificationService.verifyEmail(ctx.svc, input, ctx.meta)),

  resend: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/auth/email/verify/resend/", tags, summary: "Email a fresh confirmation link to your address", protect: true } })
    .input(z.void())
    .output(ZOkMessage)
    .mutation(({ ctx }) => emailVerificationService.resendVerification(ctx.svc, ctx.actor, ctx.meta)),

  change: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/auth/email/change/", tags, summary: "Change your email address (current password required); the new one must be confirmed", protect: true } })
    .input(ZChangeEmailInput)
    .output(ZUser)
    .mutation(({ ctx, input }) => emailVerificationService.changeEmail(ctx.svc, ctx.actor, input, ctx.meta)),
});
