import type { DbOrTx } from "@atrium/db";
import { authChanged } from "../auth/session-cache.service.js";
import { recordAudit } from "../audit/audit.service.js";
import { verifyPassword } from "../auth/password-hash.service.js";
import { spendOpenResetTokens } from "../passwords/password.repository.js";
import type { TOkMessage } from "../passwords/password.schema.js";
import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { generateToken, hashToken } from "../shared/tokens.js";
import { isUniqueViolation } from "../shared/tx.js";
import { appUrl, queueEmailInTx } from "../email/email-in-tx.service.js";
import { claimVerificationToken, insertVerificationToken, markEmailVerified, setUserEmail, spendOpenVerificationTokens } from "./email-verification.repository.js";
import type { TChangeEmailInput, TVerifyEmailInput } from "./email-verification.schema.js";
import { toUserDto } from "./user-dto.service.js";
import { findUserById, type UserRow } from "./user.repository.js";
import type { TUser } from "./user.schema.js";

const TOKEN_HOURS = 48;
const INVALID_LINK = "This confirmation link is invalid or has expired";
const WRONG_CURRENT = "Your current password is incorrect";
const EMAIL_TAKEN = "An account with this email already exists";

/**
 * Writes a single-use confirmation link for the user's current address into
 * the caller's transaction (older links die) and returns the dispatch to call
 * after commit. Only the token's hash is stored, with the address it was sent to.
 */
export async function queueVerificationEmail(ctx: ServiceContext, tx: DbOrTx, user: Pick<UserRow, "id" | "username" | "email" | "accountId">): Promise<() => Promise<void>> {
  const token = generateToken(20);
  const now = ctx.now();
  await spendOpenVerificationTokens(tx, user.id, now);
  await insertVerificationToken(tx, { id: hashToken(token), userId: user.id, email: user.email, expiresAt: new Date(now.getTime() + TOKEN_HOURS * 3_600_000) });
  return queueEmailInTx(ctx, tx, {
    to: user.email,
    template: "verify_email",
    data: { username: user.username, verifyUrl: appUrl(ctx, `/verify-email?token=${encodeURIComponent(token)}`), expiresInHours: TOKEN_HOURS },
    accountId: user.accountId,
  });
}

/** Sends a fresh confirmation link to the caller's address (the SPA's "resend"); a verified address needs none. */
export async function resendVerification(ctx: ServiceContext, actor: Actor, meta?: RequestMeta): Promise<TOkMessage> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw notFound("User");
  if (user.emailVerifiedAt) return { ok: true, message: "Your email address is already confirmed." };
  const dispatch = await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, { eventType: "email.verification_sent", actor: user, target: { type: "user", id: user.id }, accountId: user.accountId, meta, details: { email: user.email } });
    return queueVerificationEmail(ctx, tx, user);
  });
  await dispatch();
  return { ok: true, message: `We've sent a confirmation link to ${user.email}.` };
}

/**
 * Confirms an address with a mailed token. No session is needed (the link may
 * be opened on another device): the token is the proof. A link mailed to an
 * address the user has since changed away from verifies nothing.
 */
export async function verifyEmail(ctx: ServiceContext, input: TVerifyEmailInput, meta?: RequestMeta): Promise<TOkMessage> {
  const now = ctx.now();
  const user = await ctx.db.transaction(async (tx) => {
    const claimed = await claimVerificationToken(tx, hashToken(input.token), now);
    const row = claimed && (await markEmailVerified(tx, claimed.userId, claimed.email, now));
    if (!row) throw new ServiceError("BAD_REQUEST", INVALID_LINK, { token: [INVALID_LINK] });
    await recordAudit(tx, { eventType: "email.verified", actor: row, target: { type: "user", id: row.id }, accountId: row.accountId, meta, details: { email: row.email } });
    return row;
  });
  await authChanged(ctx, { userId: user.id });
  return { ok: true, message: `Thanks — ${user.email} is confirmed.` };
}

/**
 * Changes the caller's address. The current password is asked (a borrowed
 * session must not be able to redirect reset mail); the new address starts
 * unverified and gets its own confirmation link.
 */
export async function changeEmail(ctx: ServiceContext, actor: Actor, input: TChangeEmailInput, meta?: RequestMeta): Promise<TUser> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw notFound("User");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ServiceError("BAD_REQUEST", WRONG_CURRENT, { currentPassword: [WRONG_CURRENT] });
  }
  if (input.email === user.email.toLowerCase()) {
    const msg = "This is already your email address";
    throw new ServiceError("BAD_REQUEST", msg, { email: [msg] });
  }
  try {
    let dispatch: (() => Promise<void>) | undefined;
    const row = await ctx.db.transaction(async (tx) => {
      const row = await setUserEmail(tx, user.id, input.email);
      // Reset links went to the old address; they must not work for the new one.
      await spendOpenResetTokens(tx, user.id, ctx.now());
      await recordAudit(tx, { eventType: "email.changed", actor: user, target: { type: "user", id: user.id }, accountId: user.accountId, meta, details: { from: user.email, to: row.email } });
      dispatch = await queueVerificationEmail(ctx, tx, row);
      return row;
    });
    await authChanged(ctx, { userId: row.id });
    await dispatch?.();
    return toUserDto(row);
  } catch (err) {
    if (isUniqueViolation(err, "users_email_key")) throw new ServiceError("CONFLICT", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    throw err;
  }
}
