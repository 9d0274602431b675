import {
  adminUserService,
  ZAdminResetPasswordInput,
  ZAdminUser,
  ZAdminUserIdInput,
  ZAdminUserList,
  ZListUsersInput,
  ZUpdateUserInput,
} from "@atrium/core";
import { router, staffProcedure } from "../trpc/init.js";

const tags = ["admin: users"];

export const adminUserRouter = router({
  list: staffProcedure
    .meta({ openapi: { method: "GET", path: "/admin/users/", tags, summary: "Users, newest first; q searches username and email (staff)", protect: true } })
    .input(ZListUsersInput)
    .output(ZAdminUserList)
    .query(({ ctx, input }) => adminUserService.listUsers(ctx.svc, ctx.actor, input)),

  get: staffProcedure
    .meta({ openapi: { method: "GET", path: "/admin/users/{id}/", tags, summary: "One user (staff)", protect: true } })
    .input(ZAdminUserIdInput)
    .output(ZAdminUser)
    .query(({ ctx, input }) => adminUserService.getUser(ctx.svc, ctx.actor, input.id)),

  update: staffProcedure
    .meta({ openapi: { method: "PATCH", path: "/admin/users/{id}/", tags, summary: "Disable/enable a user, set staff or display name (staff)", protect: true } })
    .input(ZUpdateUserInput)
    .output(ZAdminUser)
    .mutation(({ ctx, input }) => adminUserService.updateUser(ctx.svc, ctx.actor, input, ctx.meta)),

  resetPassword: staffProcedure
    .meta({ openapi: { method: "POST", path: "/admin/users/{id}/reset-password/", tags, summary: "Set a user's password; their sessions end and API keys are revoked (staff)", protect: true } })
    .input(ZAdminResetPasswordInput)
    .output(ZAdminUser)
    .mutation(({ ctx, input }) => adminUserService.adminResetPassword(ctx.svc, ctx.actor, input, ctx.meta)),
});
