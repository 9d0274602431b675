import { recordAudit } from "../audit/audit.service.js";
import { authChanged } from "../auth/session-cache.service.js";
import { deleteUserSessions } from "../auth/session.repository.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import { findScopedAccount } from "../accounts/tenant.repository.js";
import { toUserDto } from "./user-dto.service.js";
import type { UserRow } from "./user.repository.js";
import type { TUpdateProfileInput, TUser } from "./user.schema.js";
import { by } from "../accounts/owner-guard.service.js";
import { accountsOnlyOwnedBy } from "../organizations/member.repository.js";
import { authorize, authorizeStaff, isInTenant, type PolicyActor } from "../accounts/policy.service.js";
import { ALL_TENANTS, scopeOf } from "../accounts/scope.repository.js";
import * as repo from "./tenant-user.repository.js";
import type { TListTenantUsersInput, TUpdateTenantUserInput } from "./tenant-user.schema.js";
import { inTransaction } from "../shared/tx.js";

/** Yourself, anyone sharing an account with you, or (staff) anyone; the rest are not found. */
async function loadUser(ctx: ServiceContext, actor: PolicyActor, id: string, opts: { includeDeleted?: boolean } = {}) {
  const scope = id === actor.userId ? ALL_TENANTS : scopeOf(actor);
  const user = await repo.findTenantUser(ctx.db, scope, id, opts);
  if (!user) throw notFound("User");
  return user;
}

/**
 * A user as this caller may see them: their home account only when the caller is
 * in it too. Someone who also belongs to another tenant must not hand out its id.
 */
const dtoFor = (actor: PolicyActor) => (u: UserRow) => {
  const dto = toUserDto(u);
  return dto.accountId && !isInTenant(actor, dto.accountId) ? { ...dto, accountId: null } : dto;
};

/** Users who share an account with the caller (staff: all users), optionally in one account and matching `q`. */
export async function listUsers(ctx: ServiceContext, actor: PolicyActor, input: TListTenantUsersInput) {
  if (input.accountId) {
    if (!(await findScopedAccount(ctx.db, scopeOf(actor), input.accountId))) throw notFound("Account");
    authorize(actor, "account.read", { accountId: input.accountId }, "Account");
  }
  const rows = await repo.listTenantUsers(ctx.db, { scope: scopeOf(actor), ...input });
  return toPage(rows, input.limit, dtoFor(actor));
}

export async function getUser(ctx: ServiceContext, actor: PolicyActor, id: string): Promise<TUser> {
  return dtoFor(actor)(await loadUser(ctx, actor, id));
}

/**
 * Changes a display name: your own (or, for staff, anyone's). Being an admin
 * of an account someone belongs to grants nothing over their user record: a
 * user is in many tenants, and any of them could otherwise rename them.
 */
export async function updateUser(ctx: ServiceContext, actor: PolicyActor, input: TUpdateTenantUserInput, meta?: RequestMeta): Promise<TUser> {
  const before = await loadUser(ctx, actor, input.id);
  if (before.id !== actor.userId && !actor.isStaff) throw new ServiceError("FORBIDDEN", "Only the user themselves or platform staff can change their profile");
  const result = await inTransaction(ctx, async (tx) => {
    const row = await repo.setUserFields(tx, before.id, { displayName: input.displayName || null });
    await recordAudit(tx, { eventType: "user.updated", actor: by(actor), target: { type: "user", id: row.id }, accountId: row.accountId, meta, details: { displayName: { from: before.displayName, to: row.displayName } } });
    return dtoFor(actor)(row);
  });
  await authChanged(ctx, { userId: before.id });
  return result;
}

/** Your own display name (PATCH /me/profile/): the same rule and audit as updateUser, on yourself. */
export async function updateOwnProfile(ctx: ServiceContext, actor: PolicyActor, input: TUpdateProfileInput, meta?: RequestMeta): Promise<TUser> {
  return updateUser(ctx, actor, { id: actor.userId, displayName: input.displayName }, meta);
}

/**
 * Soft-deletes a user (yourself, or staff): they vanish from lists and every
 * session ends. Nobody may delete themselves while they are the last live
 * owner of a live account: the account would be left with nobody in charge.
 */
export async function deleteUser(ctx: ServiceContext, actor: PolicyActor, id: string, meta?: RequestMeta): Promise<TUser> {
  const before = await loadUser(ctx, actor, id);
  if (before.id !== actor.userId && !actor.isStaff) throw new ServiceError("FORBIDDEN", "Only the user themselves or platform staff can delete a user");
  const result = await inTransaction(ctx, async (tx) => {
    if (before.id === actor.userId) {
      const orphaned = await accountsOnlyOwnedBy(tx, before.id);
      if (orphaned.length) {
        const names = orphaned.map((a) => a.name).join(", ");
        throw new ServiceError("CONFLICT", `You are the last owner of ${names}: make someone else an owner or delete the account first`);
      }
    }
    const row = await repo.setUserFields(tx, before.id, { deletedAt: ctx.now() });
    await deleteUserSessions(tx, row.id);
    await recordAudit(tx, { eventType: "user.deleted", actor: by(actor), target: { type: "user", id: row.id }, accountId: row.accountId, meta, details: { username: row.username } });
    return dtoFor(actor)(row);
  });
  await authChanged(ctx, { userId: before.id });
  return result;
}

/** Restores a soft-deleted user (staff only); they log in again with their old password. */
export async function restoreUser(ctx: ServiceContext, actor: PolicyActor, id: string, meta?: RequestMeta): Promise<TUser> {
  authorizeStaff(actor);
  const before = await repo.findTenantUser(ctx.db, ALL_TENANTS, id, { includeDeleted: true });
  if (!before) throw notFound("User");
  if (!before.deletedAt) throw new ServiceError("CONFLICT", "This user is not deleted");
  const result = await inTransaction(ctx, async (tx) => {
    const row = await repo.setUserFields(tx, before.id, { deletedAt: null });
    await recordAudit(tx, { eventType: "user.restored", actor: by(actor), target: { type: "user", id: row.id }, accountId: row.accountId, meta, details: { username: row.username } });
    return toUserDto(row);
  });
  await authChanged(ctx, { userId: before.id });
  return result;
}
