import { z } from "zod";
import { authService, toUserDto, ZLoginInput, ZLoginOutput, ZMeOutput, ZSuccess, ZTokenOutput } from "@atrium/core";
import { protectedProcedure, publicProcedure, router } from "../trpc/init.js";

export const authRouter = router({
  login: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/login/", tags: ["auth"], summary: "Log in and receive a session cookie" } })
    .input(ZLoginInput)
    .output(ZLoginOutput)
    .mutation(async ({ ctx, input }) => {
      const { token, session, user } = await authService.login(ctx.svc, input, ctx.meta);
      ctx.cookies.setSession(token, session.expiresAt, input.rememberMe);
      return { user: toUserDto(user), expiresAt: session.expiresAt.toISOString() };
    }),

  token: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/token/", tags: ["auth"], summary: "Exchange credentials for a bearer token" } })
    .input(ZLoginInput)
    .output(ZTokenOutput)
    .mutation(async ({ ctx, input }) => {
      const { token, session, user } = await authService.login(ctx.svc, input, ctx.meta);
      return { token, expiresAt: session.expiresAt.toISOString(), user: toUserDto(user) };
    }),

  logout: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/auth/logout/", tags: ["auth"], summary: "End the current session", protect: true } })
    .input(z.void())
    .output(ZSuccess)
    .mutation(async ({ ctx }) => {
      await authService.logout(ctx.svc, ctx.auth, ctx.meta);
      ctx.cookies.clearSession();
      return { success: true as const };
    }),
});

export const meProcedure = protectedProcedure
  .meta({ openapi: { method: "GET", path: "/me/", tags: ["auth"], summary: "The authenticated user and their tenant", protect: true } })
  .input(z.void())
  .output(ZMeOutput)
  .query(({ ctx }) => authService.getMe(ctx.svc, ctx.auth));
