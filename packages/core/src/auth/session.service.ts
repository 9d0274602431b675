import type { ServiceContext, RequestMeta } from "../shared/context.js";
import { generateToken, hashToken } from "../shared/tokens.js";
import { authChanged, type SessionLookup } from "./session-cache.service.js";
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
 * Resolves a token to its live session, user and account. Expired sessions are
 * deleted; a session past half its lifetime slides forward (Lucia's sliding
 * expiry). Sessions of disabled or deleted users resolve to nothing. With a
 * session cache (ctx.sessionCache) a token seen within its TTL costs no query;
 * expiry and the user's state are still checked on every call.
 */
export async function validateSessionToken(ctx: ServiceContext, token: string): Promise<SessionLookup | null> {
  const id = hashToken(token);
  const cache = ctx.sessionCache;
  // Taken before any read: whatever is stored below was read after it, or is dropped by a later invalidation.
  const epoch = cache?.epoch() ?? 0;
  let found = cache?.get(id);
  if (!found) {
    found = await repo.findSessionWithUser(ctx.db, id);
    if (!found) return null;
    cache?.set(id, found, epoch);
  }
  const { session, user } = found;
  const now = ctx.now().getTime();
  if (session.expiresAt.getTime() <= now) {
    await invalidateSession(ctx, session.id);
    return null;
  }
  if (!user.isActive || user.deletedAt) return null;
  const lifetime = lifetimeMs(ctx, session.rememberMe);
  if (session.expiresAt.getTime() - now < lifetime / 2) {
    // A new object: the cached lookup is shared by concurrent requests and is never mutated.
    const extended = { ...session, expiresAt: new Date(now + lifetime) };
    await repo.setSessionExpiry(ctx.db, session.id, extended.expiresAt);
    found = { ...found, session: extended };
    cache?.set(id, found, epoch);
  }
  return found;
}

export async function invalidateSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  await repo.deleteSession(ctx.db, sessionId);
  await authChanged(ctx, { sessionId });
}

export async function invalidateUserSessions(ctx: ServiceContext, userId: string, exceptSessionId?: string): Promise<void> {
  await repo.deleteUserSessions(ctx.db, userId, exceptSessionId);
  await authChanged(ctx, { userId });
}

/** The scheduled purge: removes sessions whose expiry has passed. */
export async function purgeExpiredSessions(ctx: ServiceContext): Promise<number> {
  return repo.deleteExpiredSessions(ctx.db, ctx.now());
}
