import { iso, isoOrNull } from "../shared/dates.js";
import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import { by } from "../accounts/owner-guard.service.js";
import { loadOrganization } from "../organizations/organization.service.js";
import { authorize, type Action, type PolicyActor } from "../accounts/policy.service.js";
import { scopeOf } from "../accounts/scope.repository.js";
import * as repo from "./team.repository.js";
import type { TCreateTeamInput, TListTeamsInput, TTeam, TUpdateTeamInput } from "./team.schema.js";
import { inTransaction } from "../shared/tx.js";

export const toTeamDto = (t: repo.TeamRow): TTeam => ({
  id: t.id,
  accountId: t.accountId,
  organizationId: t.organizationId,
  name: t.name,
  description: t.description,
  createdAt: iso(t.createdAt),
  deletedAt: isoOrNull(t.deletedAt),
});

/** Loads a team the actor may see (its organization's roles decide) and checks the action. */
export async function loadTeam(ctx: ServiceContext, actor: PolicyActor, id: string, action: Action, opts: { includeDeleted?: boolean } = {}) {
  const team = await repo.findTeam(ctx.db, scopeOf(actor), id, opts);
  if (!team) throw notFound("Team");
  authorize(actor, action, { accountId: team.accountId, organizationId: team.organizationId }, "Team");
  return team;
}

export async function listTeams(ctx: ServiceContext, actor: PolicyActor, input: TListTeamsInput) {
  if (input.organizationId) await loadOrganization(ctx, actor, input.organizationId, "team.read");
  const rows = await repo.listTeams(ctx.db, actor, input);
  return toPage(rows, input.limit, toTeamDto);
}

/** Creates a team (members and up); a creator who belongs to the organization leads it. */
export async function createTeam(ctx: ServiceContext, actor: PolicyActor, input: TCreateTeamInput, meta?: RequestMeta): Promise<TTeam> {
  const org = await loadOrganization(ctx, actor, input.organizationId, "team.write");
  return inTransaction(ctx, async (tx) => {
    const team = await repo.insertTeam(tx, { accountId: org.accountId, organizationId: org.id, name: input.name, description: input.description ?? null });
    if (org.id in actor.orgRoles) await repo.upsertTeamMember(tx, team, actor.userId, "lead");
    await recordAudit(tx, { eventType: "team.created", actor: by(actor), target: { type: "team", id: team.id }, accountId: team.accountId, meta, details: { organizationId: org.id, name: team.name } });
    return toTeamDto(team);
  });
}

export async function getTeam(ctx: ServiceContext, actor: PolicyActor, id: string): Promise<TTeam> {
  return toTeamDto(await loadTeam(ctx, actor, id, "team.read"));
}

export async function updateTeam(ctx: ServiceContext, actor: PolicyActor, input: TUpdateTeamInput, meta?: RequestMeta): Promise<TTeam> {
  const before = await loadTeam(ctx, actor, input.id, "team.write");
  const changes = { name: input.name, description: input.description };
  if (changes.name === undefined && changes.description === undefined) return toTeamDto(before);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateTeam(tx, before, changes);
    const details = Object.fromEntries((["name", "description"] as const).filter((k) => before[k] !== row[k]).map((k) => [k, { from: before[k], to: row[k] }]));
    await recordAudit(tx, { eventType: "team.updated", actor: by(actor), target: { type: "team", id: row.id }, accountId: row.accountId, meta, details });
    return toTeamDto(row);
  });
}

/** Soft-deletes a team (organization admins and owners). */
export async function deleteTeam(ctx: ServiceContext, actor: PolicyActor, id: string, meta?: RequestMeta): Promise<TTeam> {
  const before = await loadTeam(ctx, actor, id, "team.delete");
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateTeam(tx, before, { deletedAt: ctx.now() });
    await recordAudit(tx, { eventType: "team.deleted", actor: by(actor), target: { type: "team", id: row.id }, accountId: row.accountId, meta, details: { name: row.name } });
    return toTeamDto(row);
  });
}

export async function restoreTeam(ctx: ServiceContext, actor: PolicyActor, id: string, meta?: RequestMeta): Promise<TTeam> {
  const before = await loadTeam(ctx, actor, id, "team.restore", { includeDeleted: true });
  if (!before.deletedAt) throw new ServiceError("CONFLICT", "This team is not deleted");
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateTeam(tx, before, { deletedAt: null });
    await recordAudit(tx, { eventType: "team.restored", actor: by(actor), target: { type: "team", id: row.id }, accountId: row.accountId, meta, details: { name: row.name } });
    return toTeamDto(row);
  });
}
