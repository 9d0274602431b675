import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import { authChanged } from "../auth/session-cache.service.js";
import { recordAudit } from "../audit/audit.service.js";
import { hashPassword, verifyPassword } from "../auth/password-hash.service.js";
import { revokeAllUserApiKeys } from "../api-keys/api-key.repository.js";
import { deleteUserSessions } from "../auth/session.repository.js";
import { ServiceError, notFound } from "../shared/errors.js";
import { findUserById } from "../users/user.repository.js";
import { assertPasswordPolicy } from "./password-policy.service.js";
import { setPasswordHash, spendOpenResetTokens } from "./password.repository.js";
import type { TChangePasswordInput } from "./password.schema.js";

const WRONG_CURRENT = "Your current password is incorrect";

/**
 * Changes the actor's own password. Proving the current one is required even
 * with a live session (a borrowed laptop shouldn't be enough); every other
 * session ends, the one making the change stays, and unless the caller opts
 * out every API key is revoked (whoever knew the old password could have made one).
 */
export async function changePassword(
  ctx: ServiceContext,
  actor: Actor,
  input: Omit<TChangePasswordInput, "revokeApiKeys"> & { revokeApiKeys?: boolean; currentSessionId: string | null },
  meta?: RequestMeta,
): Promise<void> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw notFound("User");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ServiceError("BAD_REQUEST", WRONG_CURRENT, { currentPassword: [WRONG_CURRENT] });
  }
  if (input.newPassword === input.currentPassword) {
    const msg = "Choose a password different from your current one";
    throw new ServiceError("BAD_REQUEST", msg, { newPassword: [msg] });
  }
  assertPasswordPolicy(ctx, input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash, now);
    await spendOpenResetTokens(tx, user.id, now);
    await deleteUserSessions(tx, user.id, input.currentSessionId ?? undefined);
    const revokedApiKeys = input.revokeApiKeys === false ? 0 : await revokeAllUserApiKeys(tx, user.id, now);
    await recordAudit(tx, {
      eventType: "password.changed",
      actor: user,
      target: { type: "user", id: user.id },
      accountId: user.accountId,
      meta,
      details: { keptSession: !!input.currentSessionId, revokedApiKeys },
    });
  });
  // The other sessions ended: no api process may still know them from its cache.
  await authChanged(ctx, { userId: user.id });
}
