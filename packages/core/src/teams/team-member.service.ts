import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { iso } from "../shared/dates.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import { by } from "../accounts/owner-guard.service.js";
import { findMember } from "../organizations/member.repository.js";
import type { TTeamMember } from "../organizations/member.schema.js";
import type { PolicyActor } from "../accounts/policy.service.js";
import * as repo from "./team.repository.js";
import type { TAddTeamMemberInput, TRemoveTeamMemberInput, TTeamMembersInput } from "./team.schema.js";
import { loadTeam } from "./team.service.js";
import { inTransaction } from "../shared/tx.js";

const toDto = (m: repo.TeamMemberRow): TTeamMember => ({ userId: m.userId, username: m.username, displayName: m.displayName, role: m.role, joinedAt: iso(m.createdAt) });

export async function listTeamMembers(ctx: ServiceContext, actor: PolicyActor, input: TTeamMembersInput) {
  const team = await loadTeam(ctx, actor, input.id, "team.read");
  return toPage(await repo.listTeamMembers(ctx.db, team, input), input.limit, toDto);
}

/** Adds an organization member to the team, or changes their team role. */
export async function addTeamMember(ctx: ServiceContext, actor: PolicyActor, input: TAddTeamMemberInput, meta?: RequestMeta): Promise<TTeamMember> {
  const team = await loadTeam(ctx, actor, input.id, "team.manage_members");
  return inTransaction(ctx, async (tx) => {
    const orgMember = await findMember(tx, { accountId: team.accountId, organizationId: team.organizationId }, input.userId);
    if (!orgMember) throw new ServiceError("NOT_FOUND", "No member of this organization has this user id");
    const before = await repo.findTeamMember(tx, team, input.userId);
    await repo.upsertTeamMember(tx, team, input.userId, input.role);
    await recordAudit(tx, {
      eventType: "team_member.added",
      actor: by(actor),
      target: { type: "user", id: input.userId },
      accountId: team.accountId,
      meta,
      details: { teamId: team.id, role: input.role, previousRole: before?.role ?? null },
    });
    const row = await repo.findTeamMember(tx, team, input.userId);
    if (!row) throw notFound("Team member");
    return toDto(row);
  });
}

/** Removes someone from a team; anyone may take themselves off. */
export async function removeTeamMember(ctx: ServiceContext, actor: PolicyActor, input: TRemoveTeamMemberInput, meta?: RequestMeta): Promise<TTeamMember> {
  const self = input.userId === actor.userId;
  const team = await loadTeam(ctx, actor, input.id, self ? "team.read" : "team.manage_members");
  return inTransaction(ctx, async (tx) => {
    const row = await repo.findTeamMember(tx, team, input.userId);
    if (!row) throw notFound("Team member");
    await repo.deleteTeamMember(tx, team, input.userId);
    await recordAudit(tx, { eventType: "team_member.removed", actor: by(actor), target: { type: "user", id: input.userId }, accountId: team.accountId, meta, details: { teamId: team.id, role: row.role, left: self } });
    return toDto(row);
  });
}
