import {
  teamMemberService,
  teamService,
  ZAddTeamMemberInput,
  ZCreateTeamInput,
  ZListTeamsInput,
  ZRemoveTeamMemberInput,
  ZTeam,
  ZTeamIdInput,
  ZTeamMember,
  ZTeamMemberPage,
  ZTeamMembersInput,
  ZTeamPage,
  ZUpdateTeamInput,
} from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["teams"];

export const teamRouter = router({
  list: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/teams/", tags, summary: "Teams you can see, optionally of one organization", protect: true } })
    .input(ZListTeamsInput)
    .output(ZTeamPage)
    .query(({ ctx, input }) => teamService.listTeams(ctx.svc, ctx.tenant, input)),

  create: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/teams/", tags, summary: "Create a team in an organization (members)", protect: true } })
    .input(ZCreateTeamInput)
    .output(ZTeam)
    .mutation(({ ctx, input }) => teamService.createTeam(ctx.svc, ctx.tenant, input, ctx.meta)),

  get: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/teams/{id}/", tags, summary: "A team", protect: true } })
    .input(ZTeamIdInput)
    .output(ZTeam)
    .query(({ ctx, input }) => teamService.getTeam(ctx.svc, ctx.tenant, input.id)),

  update: tenantProcedure
    .meta({ openapi: { method: "PUT", path: "/teams/{id}/", tags, summary: "Update a team", protect: true } })
    .input(ZUpdateTeamInput)
    .output(ZTeam)
    .mutation(({ ctx, input }) => teamService.updateTeam(ctx.svc, ctx.tenant, input, ctx.meta)),

  delete: tenantProcedure
    .meta({ openapi: { method: "DELETE", path: "/teams/{id}/", tags, summary: "Soft-delete a team (organization admins)", protect: true } })
    .input(ZTeamIdInput)
    .output(ZTeam)
    .mutation(({ ctx, input }) => teamService.deleteTeam(ctx.svc, ctx.tenant, input.id, ctx.meta)),

  restore: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/teams/{id}/restore/", tags, summary: "Restore a soft-deleted team", protect: true } })
    .input(ZTeamIdInput)
    .output(ZTeam)
    .mutation(({ ctx, input }) => teamService.restoreTeam(ctx.svc, ctx.tenant, input.id, ctx.meta)),

  listMembers: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/teams/{id}/members/", tags, summary: "Members of a team", protect: true } })
    .input(ZTeamMembersInput)
    .output(ZTeamMemberPage)
    .query(({ ctx, input }) => teamMemberService.listTeamMembers(ctx.svc, ctx.tenant, input)),

  addMember: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/teams/{id}/members/", tags, summary: "Add an organization member to the team, or change their team role", protect: true } })
    .input(ZAddTeamMemberInput)
    .output(ZTeamMember)
    .mutation(({ ctx, input }) => teamMemberService.addTeamMember(ctx.svc, ctx.tenant, input, ctx.meta)),

  removeMember: tenantProcedure
    .meta({ openapi: { method: "DELETE", path: "/teams/{id}/members/{userId}/", tags, summary: "Remove someone from a team, or leave it", protect: true } })
    .input(ZRemoveTeamMemberInput)
    .output(ZTeamMember)
    .mutation(({ ctx, input }) => teamMemberService.removeTeamMember(ctx.svc, ctx.tenant, input, ctx.meta)),
});
