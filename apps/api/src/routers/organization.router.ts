import {
  organizationMemberService,
  organizationService,
  ZAddOrganizationMemberInput,
  ZCreateOrganizationInput,
  ZDeletedOrganizationPage,
  ZListDeletedOrganizationsInput,
  ZListOrganizationsInput,
  ZMember,
  ZMemberPage,
  ZOrganization,
  ZOrganizationIdInput,
  ZOrganizationMembersInput,
  ZOrganizationPage,
  ZRemoveOrganizationMemberInput,
  ZUpdateOrganizationInput,
  ZUpdateOrganizationMemberInput,
} from "@atrium/core";
import { router, staffProcedure, tenantProcedure } from "../trpc/init.js";

const tags = ["organizations"];

export const organizationRouter = router({
  list: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/organizations/", tags, summary: "Organizations you can see, optionally of one account", protect: true } })
    .input(ZListOrganizationsInput)
    .output(ZOrganizationPage)
    .query(({ ctx, input }) => organizationService.listOrganizations(ctx.svc, ctx.tenant, input)),

  create: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/organizations/", tags, summary: "Create an organization; you become its owner", protect: true } })
    .input(ZCreateOrganizationInput)
    .output(ZOrganization)
    .mutation(({ ctx, input }) => organizationService.createOrganization(ctx.svc, ctx.tenant, input, ctx.meta)),

  get: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/organizations/{id}/", tags, summary: "An organization", protect: true } })
    .input(ZOrganizationIdInput)
    .output(ZOrganization)
    .query(({ ctx, input }) => organizationService.getOrganization(ctx.svc, ctx.tenant, input.id)),

  update: tenantProcedure
    .meta({ openapi: { method: "PUT", path: "/organizations/{id}/", tags, summary: "Update an organization (admins)", protect: true } })
    .input(ZUpdateOrganizationInput)
    .output(ZOrganization)
    .mutation(({ ctx, input }) => organizationService.updateOrganization(ctx.svc, ctx.tenant, input, ctx.meta)),

  delete: tenantProcedure
    .meta({ openapi: { method: "DELETE", path: "/organizations/{id}/", tags, summary: "Soft-delete an organization (owners)", protect: true } })
    .input(ZOrganizationIdInput)
    .output(ZOrganization)
    .mutation(({ ctx, input }) => organizationService.deleteOrganization(ctx.svc, ctx.tenant, input.id, ctx.meta)),

  listDeleted: staffProcedure
    .meta({ openapi: { method: "GET", path: "/admin/organizations/deleted/", tags: ["admin: organizations"], summary: "Soft-deleted organizations of every tenant, to restore before the purge (staff)", protect: true } })
    .input(ZListDeletedOrganizationsInput)
    .output(ZDeletedOrganizationPage)
    .query(({ ctx, input }) => organizationService.listDeletedOrganizations(ctx.svc, ctx.actor, input)),

  restore: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/organizations/{id}/restore/", tags, summary: "Restore a soft-deleted organization (account admins)", protect: true } })
    .input(ZOrganizationIdInput)
    .output(ZOrganization)
    .mutation(({ ctx, input }) => organizationService.restoreOrganization(ctx.svc, ctx.tenant, input.id, ctx.meta)),

  listMembers: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/organizations/{id}/members/", tags, summary: "Members of an organization", protect: true } })
    .input(ZOrganizationMembersInput)
    .output(ZMemberPage)
    .query(({ ctx, input }) => organizationMemberService.listOrganizationMembers(ctx.svc, ctx.tenant, input)),

  addMember: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/organizations/{id}/members/", tags, summary: "Add a member of the account to the organization", protect: true } })
    .input(ZAddOrganizationMemberInput)
    .output(ZMember)
    .mutation(({ ctx, input }) => organizationMemberService.addOrganizationMember(ctx.svc, ctx.tenant, input, ctx.meta)),

  updateMember: tenantProcedure
    .meta({ openapi: { method: "PATCH", path: "/organizations/{id}/members/{userId}/", tags, summary: "Change a member's role", protect: true } })
    .input(ZUpdateOrganizationMemberInput)
    .output(ZMember)
    .mutation(({ ctx, input }) => organizationMemberService.updateOrganizationMember(ctx.svc, ctx.tenant, input, ctx.meta)),

  removeMember: tenantProcedure
    .meta({ openapi: { method: "DELETE", path: "/organizations/{id}/members/{userId}/", tags, summary: "Remove a member, or leave (your own id)", protect: true } })
    .input(ZRemoveOrganizationMemberInput)
    .output(ZMember)
    .mutation(({ ctx, input }) => organizationMemberService.removeOrganizationMember(ctx.svc, ctx.tenant, input, ctx.meta)),
});
