import type { ServiceContext, RequestMeta } from "../shared/context.js";
import { generateToken, hashToken } from "../shared/tokens.js";
import type { UserRow } from "../users/user.repository.js";
import * as repo from "./session.repository.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface IssuedSession {
  token: string;
  session: repo.SessionRow;
}

function lifetimeMs(ctx: ServiceContext, rememberMe: boolean): number {
  return rememberMe ? ctx.config.SESSION_DAYS * DAY : ctx.config.SHORT_SESSION_HOURS * HOUR;
}

/** Issues a new session; the token goes to the client, its hash to the table. */
export async function createSession(
  ctx: ServiceContext,
  userId: string,
  opts: { rememberMe: boolean; meta?: RequestMeta },
): Promise<IssuedSession> {
  const token = generateToken();
  const session = await repo.insertSession(ctx.db, {
    id: hashToken(token),
    userId,
    rememberMe: opts.rememberMe,
    expiresAt: new Date(ctx.now().getTime() + lifetimeMs(ctx, opts.rememberMe)),
    ipAddress: opts.meta?.ip ?? null,
    userAgent: opts.meta?.userAgent?.slice(0, 512) ?? null,
  });
  return { token, session };
}

/**
 * Resolves a token to its live session and user. Expired sessions are deleted;
 * a session past half its lifetime slides forward (Lucia's sliding expiry).
 * Sessions of disabled or deleted users resolve to nothing.
 */
export async function validateSessionToken(
  ctx: ServiceContext,
  token: string,
): Promise<{ session: repo.SessionRow; user: UserRow } | null> {
  const found = await repo.findSessionWithUser(ctx.db, hashToken(token));
  if (!found) return null;
  const { session, user } = found;
  const now = ctx.now().getTime();
  if (session.expiresAt.getTime() <= now) {
    await repo.deleteSession(ctx.db, session.id);
    return null;
  }
  if (!user.isActive || user.deletedAt) return null;
  const lifetime = lifetimeMs(ctx, session.rememberMe);
  if (session.expiresAt.getTime() - now < lifetime / 2) {
    session.expiresAt = new Date(now + lifetime);
    await repo.setSessionExpiry(ctx.db, session.id, session.expiresAt);
  }
  return { session, user };
}

export async function invalidateSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  await repo.deleteSession(ctx.db, sessionId);
}

export async function invalidateUserSessions(ctx: ServiceContext, userId: string, exceptSessionId?: string): Promise<void> {
  await repo.deleteUserSessions(ctx.db, userId, exceptSessionId);
}

/** The scheduled purge: removes sessions whose expiry has passed. */
export async function purgeExpiredSessions(ctx: ServiceContext): Promise<number> {
  return repo.deleteExpiredSessions(ctx.db, ctx.now());
}
