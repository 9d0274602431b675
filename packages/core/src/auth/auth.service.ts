import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import { recordAudit } from "../audit/audit.service.js";
import { isApiKeyToken, validateApiKey } from "../api-keys/api-key.service.js";
import { findMember } from "../organizations/member.repository.js";
import { findAccountById, type AccountRow } from "../accounts/tenant.repository.js";
import { toAccountDto } from "../accounts/tenant-dto.service.js";
import { toUserDto } from "../users/user-dto.service.js";
import { findUserByLogin, touchLastLogin, type UserRow } from "../users/user.repository.js";
import type { TAuthMethod, TLoginInput, TMeOutput } from "./auth.schema.js";
import { burnVerifyTime, verifyPassword } from "./password-hash.service.js";
import { createSession, invalidateSession, validateSessionToken, type IssuedSession } from "./session.service.js";
import type { AccountRole } from "./session.repository.js";

const INVALID = "Invalid username or password";

export interface Authenticated {
  user: UserRow;
  /** The user's live account, when the lookup already read it (session tokens); `me` reads it otherwise. */
  account?: AccountRow | null;
  /** The user's role in that account, read with it (session tokens); `me` reads it otherwise. */
  accountRole?: AccountRole | null;
  method: TAuthMethod;
  sessionId: string | null;
  apiKeyId: string | null;
}

export const toActor = (u: UserRow): Actor => ({ userId: u.id, username: u.username, accountId: u.accountId, isStaff: u.isStaff });

/**
 * Checks credentials and opens a session. Unknown user and wrong password give
 * the same error after the same work; a disabled account is named only to
 * someone who knew its password.
 */
export async function login(
  ctx: ServiceContext,
  input: TLoginInput,
  meta?: RequestMeta,
): Promise<IssuedSession & { user: UserRow }> {
  const user = await findUserByLogin(ctx.db, input.username);
  const failed = async (reason: string) => {
    await recordAudit(ctx.db, {
      eventType: "auth.login_failed",
      actor: user ? { id: user.id, username: user.username } : null,
      target: user ? { type: "user", id: user.id } : null,
      accountId: user?.accountId,
      meta,
      details: { login: input.username.slice(0, 254), reason },
    });
  };
  if (!user) {
    await burnVerifyTime(input.password);
    await failed("unknown_user");
    throw new ServiceError("UNAUTHORIZED", INVALID);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await failed("wrong_password");
    throw new ServiceError("UNAUTHORIZED", INVALID);
  }
  if (!user.isActive) {
    await failed("disabled");
    throw new ServiceError("FORBIDDEN", "This account is disabled");
  }
  const now = ctx.now();
  const signedIn = await touchLastLogin(ctx.db, user.id, now);
  const issued = await createSession(ctx, user.id, { rememberMe: input.rememberMe, meta });
  await recordAudit(ctx.db, {
    eventType: "auth.login",
    actor: user,
    target: { type: "user", id: user.id },
    accountId: user.accountId,
    meta,
    details: { rememberMe: input.rememberMe },
  });
  return { ...issued, user: signedIn };
}

/** Ends the caller's session (API-key callers have none to end). */
export async function logout(ctx: ServiceContext, auth: Authenticated, meta?: RequestMeta): Promise<void> {
  if (auth.sessionId) await invalidateSession(ctx, auth.sessionId);
  await recordAudit(ctx.db, { eventType: "auth.logout", actor: auth.user, target: { type: "user", id: auth.user.id }, accountId: auth.user.accountId, meta });
}

/** Resolves a bearer value or cookie token: API keys by prefix, else sessions. */
export async function authenticateToken(ctx: ServiceContext, token: string): Promise<Authenticated | null> {
  if (isApiKeyToken(token)) {
    const found = await validateApiKey(ctx, token);
    return found ? { user: found.user, method: "api_key", sessionId: null, apiKeyId: found.key.id } : null;
  }
  const found = await validateSessionToken(ctx, token);
  return found ? { user: found.user, account: found.account, accountRole: found.accountRole, method: "session", sessionId: found.session.id, apiKeyId: null } : null;
}

/** The caller, their home account and their role in it (a tenant role, not the staff flag). */
export async function getMe(ctx: ServiceContext, auth: Authenticated): Promise<TMeOutput> {
  const accountId = auth.user.accountId;
  // A session lookup already read the account and the role (session.repository.ts): no query at all. Its cache
  // entry is dropped on every process when the role changes (account-member.service.ts), like on any user change.
  if (auth.account !== undefined && auth.accountRole !== undefined) {
    const account = auth.account;
    return { user: toUserDto(auth.user), account: account ? toAccountDto(account) : null, accountRole: account ? auth.accountRole : null, authMethod: auth.method };
  }
  const [account, member] = accountId
    ? await Promise.all([auth.account !== undefined ? auth.account : findAccountById(ctx.db, accountId), findMember(ctx.db, { accountId }, auth.user.id)])
    : [];
  return { user: toUserDto(auth.user), account: account ? toAccountDto(account) : null, accountRole: account ? (member?.role ?? null) : null, authMethod: auth.method };
}
