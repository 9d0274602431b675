import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import { recordAudit } from "../audit/audit.service.js";
import { iso, isoOrNull } from "../shared/dates.js";
import { notFound } from "../shared/errors.js";
import { generateToken, hashToken } from "../shared/tokens.js";
import type { UserRow } from "../users/user.repository.js";
import type { TApiKey, TCreateApiKeyInput, TCreatedApiKey } from "./api-key.schema.js";
import * as repo from "./api-key.repository.js";

export const API_KEY_PREFIX = "atr_";
const VISIBLE_CHARS = 12;
// Writing last-used on every request would make each API call a write.
const TOUCH_EVERY_MS = 60_000;

export const isApiKeyToken = (token: string) => token.startsWith(API_KEY_PREFIX);

const toDto = (k: repo.ApiKeyRow): TApiKey => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  lastUsedAt: isoOrNull(k.lastUsedAt),
  expiresAt: isoOrNull(k.expiresAt),
  revokedAt: isoOrNull(k.revokedAt),
  createdAt: iso(k.createdAt),
});

/** Creates a key for the actor; the full key is in this answer only. */
export async function createApiKey(ctx: ServiceContext, actor: Actor, input: TCreateApiKeyInput, meta?: RequestMeta): Promise<TCreatedApiKey> {
  const key = `${API_KEY_PREFIX}${generateToken(24)}`;
  const row = await repo.insertApiKey(ctx.db, {
    userId: actor.userId,
    name: input.name,
    prefix: key.slice(0, VISIBLE_CHARS),
    keyHash: hashToken(key),
    expiresAt: input.expiresInDays ? new Date(ctx.now().getTime() + input.expiresInDays * 86_400_000) : null,
  });
  await recordAudit(ctx.db, {
    eventType: "api_key.created",
    actor: { id: actor.userId, username: actor.username },
    target: { type: "api_key", id: row.id },
    accountId: actor.accountId,
    meta,
    details: { name: row.name, prefix: row.prefix },
  });
  return { ...toDto(row), key };
}

export async function listApiKeys(ctx: ServiceContext, actor: Actor): Promise<{ items: TApiKey[] }> {
  const rows = await repo.listUserApiKeys(ctx.db, actor.userId);
  return { items: rows.map(toDto) };
}

/** Revoking someone else's key looks exactly like revoking a missing one. */
export async function revokeApiKey(ctx: ServiceContext, actor: Actor, id: string, meta?: RequestMeta): Promise<TApiKey> {
  const row = await repo.revokeUserApiKey(ctx.db, actor.userId, id, ctx.now());
  if (!row) throw notFound("API key");
  await recordAudit(ctx.db, {
    eventType: "api_key.revoked",
    actor: { id: actor.userId, username: actor.username },
    target: { type: "api_key", id: row.id },
    accountId: actor.accountId,
    meta,
    details: { name: row.name, prefix: row.prefix },
  });
  return toDto(row);
}

/** Resolves a raw key to its user when the key is live and the user active. */
export async function validateApiKey(ctx: ServiceContext, key: string): Promise<{ key: repo.ApiKeyRow; user: UserRow } | null> {
  const found = await repo.findApiKeyWithUser(ctx.db, hashToken(key));
  if (!found) return null;
  const now = ctx.now();
  if (found.key.revokedAt || (found.key.expiresAt && found.key.expiresAt <= now)) return null;
  if (!found.user.isActive || found.user.deletedAt) return null;
  if (!found.key.lastUsedAt || now.getTime() - found.key.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await repo.touchApiKey(ctx.db, found.key.id, now);
  }
  return found;
}
