import { tenantUserService, ZListTenantUsersInput, ZTenantUserIdInput, ZTenantUserPage, ZUpdateProfileInput, ZUpdateTenantUserInput, ZUser } from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["users"];

// No POST: users come from signup and invitations, staff manage them under /api/admin/users/.
export const userRouter = router({
  list: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/users/", tags, summary: "Users who share an account with you (staff: all)", protect: true } })
    .input(ZListTenantUsersInput)
    .output(ZTenantUserPage)
    .query(({ ctx, input }) => tenantUserService.listUsers(ctx.svc, ctx.tenant, input)),

  get: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/users/{id}/", tags, summary: "A user", protect: true } })
    .input(ZTenantUserIdInput)
    .output(ZUser)
    .query(({ ctx, input }) => tenantUserService.getUser(ctx.svc, ctx.tenant, input.id)),

  update: tenantProcedure
    .meta({ openapi: { method: "PUT", path: "/users/{id}/", tags, summary: "Change a display name (yourself, or staff)", protect: true } })
    .input(ZUpdateTenantUserInput)
    .output(ZUser)
    .mutation(({ ctx, input }) => tenantUserService.updateUser(ctx.svc, ctx.tenant, input, ctx.meta)),

  delete: tenantProcedure
    .meta({ openapi: { method: "DELETE", path: "/users/{id}/", tags, summary: "Soft-delete a user (yourself, or staff); ends their sessions", protect: true } })
    .input(ZTenantUserIdInput)
    .output(ZUser)
    .mutation(({ ctx, input }) => tenantUserService.deleteUser(ctx.svc, ctx.tenant, input.id, ctx.meta)),

  restore: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/users/{id}/restore/", tags, summary: "Restore a soft-deleted user (staff)", protect: true } })
    .input(ZTenantUserIdInput)
    .output(ZUser)
    .mutation(({ ctx, input }) => tenantUserService.restoreUser(ctx.svc, ctx.tenant, input.id, ctx.meta)),
});

/** Your own profile, next to GET /me/: the SPA's profile form and `atrium profile set-name`. */
export const profileRouter = router({
  update: tenantProcedure
    .meta({ openapi: { method: "PATCH", path: "/me/profile/", tags: ["auth"], summary: "Change your own display name (null clears it)", protect: true } })
    .input(ZUpdateProfileInput)
    .output(ZUser)
    .mutation(({ ctx, input }) => tenantUserService.updateOwnProfile(ctx.svc, ctx.tenant, input, ctx.meta)),
});
