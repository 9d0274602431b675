import { signupService, toUserDto, ZSignupInput, ZSignupOutput } from "@atrium/core";
import { publicProcedure } from "../trpc/init.js";

export const signupProcedure = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/signup/",
      tags: ["auth"],
      summary: "Create an account (with an invite key unless SIGNUP_MODE=open); signs in with a cookie and a token",
    },
  })
  .input(ZSignupInput)
  .output(ZSignupOutput)
  .mutation(async ({ ctx, input }) => {
    const { token, session, user } = await signupService.signup(ctx.svc, input, ctx.meta);
    ctx.cookies.setSession(token, session.expiresAt, false);
    return { user: toUserDto(user), token, expiresAt: session.expiresAt.toISOString() };
  });
