import { z } from "zod";
import {
  accountMemberService,
  accountService,
  myMemberships,
  ZAccountIdInput,
  ZAccountMembersInput,
  ZCreateAccountInput,
  ZListAccountsInput,
  ZMember,
  ZMemberPage,
  ZMyMemberships,
  ZRemoveAccountMemberInput,
  ZTenantAccount,
  ZTenantAccountPage,
  ZUpdateAccountInput,
  ZUpdateAccountMemberInput,
} from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["accounts"];

export const accountRouter = router({
  list: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/accounts/", tags, summary: "Your accounts (staff: all, deleted ones with includeDeleted)", protect: true } })
    .input(ZListAccountsInput)
    .output(ZTenantAccountPage)
    .query(({ ctx, input }) => accountService.listAccounts(ctx.svc, ctx.tenant, input)),

  create: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/accounts/", tags, summary: "Create an account; you become its owner", protect: true } })
    .input(ZCreateAccountInput)
    .output(ZTenantAccount)
    .mutation(({ ctx, input }) => accountService.createAccount(ctx.svc, ctx.tenant, input, ctx.meta)),

  get: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/accounts/{id}/", tags, summary: "An account", protect: true } })
    .input(ZAccountIdInput)
    .output(ZTenantAccount)
    .query(({ ctx, input }) => accountService.getAccount(ctx.svc, ctx.tenant, input.id)),

  update: tenantProcedure
    .meta({ openapi: { method: "PUT", path: "/accounts/{id}/", tags, summary: "Rename an account (admins)", protect: true } })
    .input(ZUpdateAccountInput)
    .output(ZTenantAccount)
    .mutation(({ ctx, input }) => accountService.updateAccount(ctx.svc, ctx.tenant, input, ctx.meta)),

  delete: tenantProcedure
    .meta({ openapi: { method: "DELETE", path: "/accounts/{id}/", tags, summary: "Soft-delete an account (owners)", protect: true } })
    .input(ZAccountIdInput)
    .output(ZTenantAccount)
    .mutation(({ ctx, input }) => accountService.deleteAccount(ctx.svc, ctx.tenant, input.id, ctx.meta)),

  restore: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/accounts/{id}/restore/", tags, summary: "Restore a soft-deleted account (staff)", protect: true } })
    .input(ZAccountIdInput)
    .output(ZTenantAccount)
    .mutation(({ ctx, input }) => accountService.restoreAccount(ctx.svc, ctx.tenant, input.id, ctx.meta)),

  listMembers: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/accounts/{id}/members/", tags, summary: "Members of an account", protect: true } })
    .input(ZAccountMembersInput)
    .output(ZMemberPage)
    .query(({ ctx, input }) => accountMemberService.listAccountMembers(ctx.svc, ctx.tenant, input)),

  updateMember: tenantProcedure
    .meta({ openapi: { method: "PATCH", path: "/accounts/{id}/members/{userId}/", tags, summary: "Change a member's account role", protect: true } })
    .input(ZUpdateAccountMemberInput)
    .output(ZMember)
    .mutation(({ ctx, input }) => accountMemberService.updateAccountMember(ctx.svc, ctx.tenant, input, ctx.meta)),

  removeMember: tenantProcedure
    .meta({ openapi: { method: "DELETE", path: "/accounts/{id}/members/{userId}/", tags, summary: "Remove a member from an account, or leave it", protect: true } })
    .input(ZRemoveAccountMemberInput)
    .output(ZMember)
    .mutation(({ ctx, input }) => accountMemberService.removeAccountMember(ctx.svc, ctx.tenant, input, ctx.meta)),
});

/** The organization switcher's data: my accounts and organizations with my role in each. */
export const myMembershipsProcedure = tenantProcedure
  .meta({ openapi: { method: "GET", path: "/me/memberships/", tags, summary: "Your accounts and organizations with your role in each", protect: true } })
  .input(z.void())
  .output(ZMyMemberships)
  .query(({ ctx }) => myMemberships(ctx.svc, ctx.tenant));
