import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { iso } from "../shared/dates.js";
import { toPage } from "../shared/pagination.js";
import { findScopedAccount } from "../accounts/tenant.repository.js";
import { by } from "../accounts/owner-guard.service.js";
import { addMember } from "./member.repository.js";
import { toOrganizationDto } from "./organization-dto.service.js";
import * as repo from "./organization.repository.js";
import type { TCreateOrganizationInput, TDeletedOrganizationPage, TListDeletedOrganizationsInput, TListOrganizationsInput, TOrganization, TUpdateOrganizationInput } from "./organization.schema.js";
import { authorize, authorizeStaff, type Action, type PolicyActor } from "../accounts/policy.service.js";
import { scopeOf } from "../accounts/scope.repository.js";
import { slugify } from "../shared/slug.service.js";
import { inTransaction, isUniqueViolation } from "../shared/tx.js";

const SLUG_TAKEN = () => new ServiceError("CONFLICT", "This slug is already used in this account", { slug: ["Another organization of this account uses this slug"] });

/** Loads an organization the actor may see and checks the action; anything else is simply not found. */
export async function loadOrganization(ctx: ServiceContext, actor: PolicyActor, id: string, action: Action, opts: { includeDeleted?: boolean } = {}) {
  const org = await repo.findOrganization(ctx.db, scopeOf(actor), id, opts);
  if (!org) throw notFound("Organization");
  authorize(actor, action, { accountId: org.accountId, organizationId: org.id }, "Organization");
  return org;
}

/** Turns a race on the slug's unique index into the same answer as the pre-check. */
async function slugSafe<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err, "organizations_account_slug_key")) throw SLUG_TAKEN();
    throw err;
  }
}

export async function listOrganizations(ctx: ServiceContext, actor: PolicyActor, input: TListOrganizationsInput) {
  if (input.accountId) {
    if (!(await findScopedAccount(ctx.db, scopeOf(actor), input.accountId))) throw notFound("Account");
    authorize(actor, "account.read", { accountId: input.accountId }, "Account");
  }
  const rows = await repo.listOrganizations(ctx.db, actor, input);
  return toPage(rows, input.limit, (o) => toOrganizationDto(actor, o));
}

/**
 * Staff: every soft-deleted organization still inside its retention period, so one deleted by
 * mistake can be found (and restored with restoreOrganization) without knowing its id.
 */
export async function listDeletedOrganizations(ctx: ServiceContext, actor: Pick<PolicyActor, "isStaff">, input: TListDeletedOrganizationsInput): Promise<TDeletedOrganizationPage> {
  authorizeStaff(actor);
  const rows = await repo.listDeletedOrganizations(ctx.db, input);
  // No role: staff hold none in these organizations; they restore them as platform operators.
  return toPage(rows, input.limit, (o) => ({
    id: o.id,
    accountId: o.accountId,
    accountName: o.accountName,
    name: o.name,
    slug: o.slug,
    description: o.description,
    role: null,
    createdAt: iso(o.createdAt),
    deletedAt: iso(o.deletedAt ?? ctx.now()),
  }));
}

/** Creates an organization in an account the caller is a member of; the creator becomes its owner. */
export async function createOrganization(ctx: ServiceContext, actor: PolicyActor, input: TCreateOrganizationInput, meta?: RequestMeta): Promise<TOrganization> {
  const account = await findScopedAccount(ctx.db, scopeOf(actor), input.accountId);
  if (!account) throw notFound("Account");
  authorize(actor, "organization.create", { accountId: account.id }, "Account");
  const slug = input.slug ?? slugify(input.name, "organization");
  if (await repo.orgSlugTaken(ctx.db, account.id, slug)) throw SLUG_TAKEN();
  return slugSafe(() =>
    inTransaction(ctx, async (tx) => {
      const org = await repo.insertOrganization(tx, { accountId: account.id, name: input.name, slug, description: input.description ?? null });
      // Staff may create in any account; keep "every organization member is an account member" true.
      await addMember(tx, { accountId: account.id }, actor.userId, "member");
      await addMember(tx, { accountId: account.id, organizationId: org.id }, actor.userId, "owner");
      await recordAudit(tx, { eventType: "organization.created", actor: by(actor), target: { type: "organization", id: org.id }, accountId: account.id, meta, details: { name: org.name, slug } });
      return toOrganizationDto(actor, org, "owner");
    }),
  );
}

export async function getOrganization(ctx: ServiceContext, actor: PolicyActor, id: string): Promise<TOrganization> {
  return toOrganizationDto(actor, await loadOrganization(ctx, actor, id, "organization.read"));
}

/** Renames or re-describes an organization (admins and owners); a slug must stay unique in the account. */
export async function updateOrganization(ctx: ServiceContext, actor: PolicyActor, input: TUpdateOrganizationInput, meta?: RequestMeta): Promise<TOrganization> {
  const before = await loadOrganization(ctx, actor, input.id, "organization.update");
  if (input.slug && (await repo.orgSlugTaken(ctx.db, before.accountId, input.slug, before.id))) throw SLUG_TAKEN();
  const changes = { name: input.name, slug: input.slug, description: input.description };
  if (Object.values(changes).every((v) => v === undefined)) return toOrganizationDto(actor, before);
  return slugSafe(() =>
    inTransaction(ctx, async (tx) => {
      const row = await repo.updateOrganization(tx, before, changes);
      const details = Object.fromEntries(
        (["name", "slug", "description"] as const).filter((k) => changes[k] !== undefined && before[k] !== row[k]).map((k) => [k, { from: before[k], to: row[k] }]),
      );
      await recordAudit(tx, { eventType: "organization.updated", actor: by(actor), target: { type: "organization", id: row.id }, accountId: row.accountId, meta, details });
      return toOrganizationDto(actor, row);
    }),
  );
}

/** Soft-deletes an organization (owners only); its teams and invitations go with it until restored. */
export async function deleteOrganization(ctx: ServiceContext, actor: PolicyActor, id: string, meta?: RequestMeta): Promise<TOrganization> {
  const before = await loadOrganization(ctx, actor, id, "organization.delete");
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateOrganization(tx, before, { deletedAt: ctx.now() });
    await recordAudit(tx, { eventType: "organization.deleted", actor: by(actor), target: { type: "organization", id: row.id }, accountId: row.accountId, meta, details: { name: row.name } });
    return toOrganizationDto(actor, row);
  });
}

/** Restores a soft-deleted organization: its account's admins or staff may. */
export async function restoreOrganization(ctx: ServiceContext, actor: PolicyActor, id: string, meta?: RequestMeta): Promise<TOrganization> {
  const before = await loadOrganization(ctx, actor, id, "organization.restore", { includeDeleted: true });
  if (!before.deletedAt) throw new ServiceError("CONFLICT", "This organization is not deleted");
  if (await repo.orgSlugTaken(ctx.db, before.accountId, before.slug, before.id)) {
    throw new ServiceError("CONFLICT", "Another organization now uses this slug; rename it before restoring this one", { slug: ["Already in use"] });
  }
  return slugSafe(() =>
    inTransaction(ctx, async (tx) => {
      const row = await repo.updateOrganization(tx, before, { deletedAt: null });
      await recordAudit(tx, { eventType: "organization.restored", actor: by(actor), target: { type: "organization", id: row.id }, accountId: row.accountId, meta, details: { name: row.name } });
      return toOrganizationDto(actor, row);
    }),
  );
}
