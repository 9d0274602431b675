import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { authChanged } from "../auth/session-cache.service.js";
import { recordAudit } from "../audit/audit.service.js";
import { hashPassword } from "../auth/password-hash.service.js";
import { revokeAllUserApiKeys } from "../api-keys/api-key.repository.js";
import { deleteUserSessions } from "../auth/session.repository.js";
import { markEmailVerified } from "../users/email-verification.repository.js";
import { ServiceError } from "../shared/errors.js";
import { generateToken, hashToken } from "../shared/tokens.js";
import { appUrl, queueEmailInTx } from "../email/email-in-tx.service.js";
import { findUserById } from "../users/user.repository.js";
import { assertPasswordPolicy } from "./password-policy.service.js";
import { claimResetToken, findResetToken, findUserByEmail, insertResetToken, setPasswordHash, spendOpenResetTokens } from "./password.repository.js";
import type { TConfirmPasswordResetInput, TOkMessage, TRequestPasswordResetInput } from "./password.schema.js";

const TOKEN_MINUTES = 60;
export const RESET_REQUESTED: TOkMessage = { ok: true, message: "If that address has an account, we've sent a reset link." };
const INVALID_LINK = "This reset link is invalid or has expired";
/**
 * Both branches of a reset request answer no sooner than this, so response
 * time doesn't tell a known address (token + email writes) from an unknown one.
 */
const MIN_RESPONSE_MS = 250;

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

/**
 * Mails a single-use, one-hour reset link to an active user with that address.
 * Everyone gets the same answer, known address or not, after the same delay.
 */
export async function requestPasswordReset(ctx: ServiceContext, input: TRequestPasswordResetInput, meta?: RequestMeta): Promise<TOkMessage> {
  const started = Date.now();
  try {
    const user = await findUserByEmail(ctx.db, input.email);
    if (!user || !user.isActive) {
      // Kept for abuse tracing (who is fishing for addresses); no tenant sees it.
      await recordAudit(ctx.db, { eventType: "password.reset_requested", meta, details: { email: input.email, matched: false } });
      return RESET_REQUESTED;
    }
    const token = generateToken(20);
    const now = ctx.now();
    const dispatch = await ctx.db.transaction(async (tx) => {
      await insertResetToken(tx, { id: hashToken(token), userId: user.id, expiresAt: new Date(now.getTime() + TOKEN_MINUTES * 60_000) });
      await recordAudit(tx, {
        eventType: "password.reset_requested",
        actor: null,
        target: { type: "user", id: user.id },
        accountId: user.accountId,
        meta,
        details: { matched: true },
      });
      return queueEmailInTx(ctx, tx, {
        to: user.email,
        template: "password_reset",
        data: { username: user.username, resetUrl: appUrl(ctx, `/reset-password?token=${encodeURIComponent(token)}`), expiresInMinutes: TOKEN_MINUTES },
        accountId: user.accountId,
      });
    });
    await dispatch();
    return RESET_REQUESTED;
  } finally {
    await sleepUntil(started + MIN_RESPONSE_MS);
  }
}

/**
 * Sets a new password with a mailed token. The token is spent in the same
 * transaction as the change, so it works once even under concurrent use, and
 * every session of the user ends and every API key is revoked (whoever had
 * the old password is out). Opening the mailed link also proves the address.
 */
export async function confirmPasswordReset(ctx: ServiceContext, input: TConfirmPasswordResetInput, meta?: RequestMeta): Promise<TOkMessage> {
  const invalid = () => new ServiceError("BAD_REQUEST", INVALID_LINK, { token: [INVALID_LINK] });
  const now = ctx.now();
  const tokenHash = hashToken(input.token);
  // Read first so the policy can be checked (and a weak password refused) without spending the token.
  const peek = await findResetToken(ctx.db, tokenHash);
  const owner = peek && !peek.usedAt && peek.expiresAt > now ? await findUserById(ctx.db, peek.userId) : undefined;
  if (!owner || !owner.isActive) throw invalid();
  assertPasswordPolicy(ctx, input.newPassword, owner, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const userId = await claimResetToken(tx, tokenHash, now);
    if (userId !== owner.id) throw invalid();
    await setPasswordHash(tx, owner.id, passwordHash, now);
    await spendOpenResetTokens(tx, owner.id, now);
    await deleteUserSessions(tx, owner.id);
    const revokedApiKeys = await revokeAllUserApiKeys(tx, owner.id, now);
    if (!owner.emailVerifiedAt) await markEmailVerified(tx, owner.id, owner.email, now);
    await recordAudit(tx, {
      eventType: "password.reset",
      actor: owner,
      target: { type: "user", id: owner.id },
      accountId: owner.accountId,
      meta,
      details: { revokedApiKeys },
    });
  });
  await authChanged(ctx, { userId: owner.id });
  return { ok: true, message: "Your password has been changed. Sign in with the new one." };
}
