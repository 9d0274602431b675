import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import { authChanged } from "../auth/session-cache.service.js";
import { recordAudit } from "../audit/audit.service.js";
import { hashPassword } from "../auth/password-hash.service.js";
import { revokeAllUserApiKeys } from "../api-keys/api-key.repository.js";
import { deleteUserSessions } from "../auth/session.repository.js";
import { authorizeStaff } from "../accounts/policy.service.js";
import { assertPasswordPolicy } from "../passwords/password-policy.service.js";
import { setPasswordHash, spendOpenResetTokens } from "../passwords/password.repository.js";
import type { TAdminResetPasswordInput } from "../passwords/password.schema.js";
import { isoOrNull, iso } from "../shared/dates.js";
import { ServiceError, notFound } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import { toUserDto } from "./user-dto.service.js";
import { findUserById, type UserRow } from "./user.repository.js";
import type { TAdminUser, TAdminUserList, TListUsersInput, TUpdateUserInput } from "./admin-user.schema.js";
import { searchUsers, updateUserFields } from "./admin-user.repository.js";

const toAdminDto = (u: UserRow): TAdminUser => ({ ...toUserDto(u), passwordChangedAt: isoOrNull(u.passwordChangedAt), updatedAt: iso(u.updatedAt) });
const by = (actor: Actor) => ({ id: actor.userId, username: actor.username });

export async function listUsers(ctx: ServiceContext, actor: Actor, input: TListUsersInput): Promise<TAdminUserList> {
  authorizeStaff(actor);
  const rows = await searchUsers(ctx.db, { q: input.q || undefined, isActive: input.isActive, limit: input.limit, cursor: input.cursor });
  return toPage(rows, input.limit, toAdminDto);
}

export async function getUser(ctx: ServiceContext, actor: Actor, id: string): Promise<TAdminUser> {
  authorizeStaff(actor);
  const user = await findUserById(ctx.db, id);
  if (!user) throw notFound("User");
  return toAdminDto(user);
}

/**
 * Staff edits of a user. Disabling ends every session at once (API keys stop
 * by themselves: their validation checks isActive). Staff can't disable
 * themselves or drop their own staff flag — that is how a platform loses its last admin.
 */
export async function updateUser(ctx: ServiceContext, actor: Actor, input: TUpdateUserInput, meta?: RequestMeta): Promise<TAdminUser> {
  authorizeStaff(actor);
  if (input.id === actor.userId && input.isActive === false) {
    throw new ServiceError("FORBIDDEN", "You can't disable your own account", { isActive: ["You can't disable your own account"] });
  }
  if (input.id === actor.userId && input.isStaff === false) {
    throw new ServiceError("FORBIDDEN", "You can't remove your own staff access", { isStaff: ["You can't remove your own staff access"] });
  }
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await findUserById(tx, input.id);
    if (!before) throw notFound("User");
    const changes: Partial<Pick<UserRow, "isActive" | "isStaff" | "displayName">> = {};
    if (input.isActive !== undefined && input.isActive !== before.isActive) changes.isActive = input.isActive;
    if (input.isStaff !== undefined && input.isStaff !== before.isStaff) changes.isStaff = input.isStaff;
    const displayName = input.displayName === undefined ? undefined : input.displayName || null;
    if (displayName !== undefined && displayName !== before.displayName) changes.displayName = displayName;
    if (Object.keys(changes).length === 0) return toAdminDto(before);

    const after = await updateUserFields(tx, before.id, changes);
    if (!after) throw notFound("User");
    if (changes.isActive === false) await deleteUserSessions(tx, after.id);
    const audit = { actor: by(actor), target: { type: "user", id: after.id }, accountId: after.accountId, meta };
    if (changes.isActive !== undefined) {
      await recordAudit(tx, { ...audit, eventType: changes.isActive ? "user.enabled" : "user.disabled", details: { username: after.username } });
    }
    const { isActive: _, ...rest } = changes;
    if (Object.keys(rest).length) {
      const was = Object.fromEntries(Object.keys(rest).map((k) => [k, before[k as keyof typeof rest]]));
      await recordAudit(tx, { ...audit, eventType: "user.updated", details: { username: after.username, changes: rest, was } });
    }
    return toAdminDto(after);
  });
  // Disabled, staff granted or revoked, renamed: every api process re-reads the user (committed by now).
  await authChanged(ctx, { userId: input.id });
  return updated;
}

/**
 * Staff set a user's password (the user forgot it and has no mail, say). The
 * same policy applies; every session of the user ends, every API key is
 * revoked and mailed reset links die.
 */
export async function adminResetPassword(ctx: ServiceContext, actor: Actor, input: TAdminResetPasswordInput, meta?: RequestMeta): Promise<TAdminUser> {
  authorizeStaff(actor);
  const user = await findUserById(ctx.db, input.id);
  if (!user) throw notFound("User");
  assertPasswordPolicy(ctx, input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash, now);
    await spendOpenResetTokens(tx, user.id, now);
    await deleteUserSessions(tx, user.id);
    const revokedApiKeys = await revokeAllUserApiKeys(tx, user.id, now);
    await recordAudit(tx, {
      eventType: "password.admin_reset",
      actor: by(actor),
      target: { type: "user", id: user.id },
      accountId: user.accountId,
      meta,
      details: { username: user.username, revokedApiKeys },
    });
  });
  await authChanged(ctx, { userId: user.id });
  return toAdminDto({ ...user, passwordHash, passwordChangedAt: now });
}
