import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import { recordAudit } from "../audit/audit.service.js";
// Platform staff issue invite keys; tenant roles don't count here.
import { authorizeStaff } from "../accounts/policy.service.js";
import { iso, isoOrNull } from "../shared/dates.js";
import { ServiceError, notFound } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import { generateToken, hashToken } from "../shared/tokens.js";
import type { TCreatedInviteKey, TCreateInviteKeyInput, TInviteKey, TInviteKeyList, TInviteKeyStatus, TListInviteKeysInput } from "./invite-key.schema.js";
import * as repo from "./invite-key.repository.js";

export const INVITE_KEY_PREFIX = "inv_";
const VISIBLE_CHARS = 12;
const DAY = 86_400_000;

/** A used key stays "used" even once expired: what happened matters more than the date. */
export function inviteKeyStatus(k: repo.InviteKeyRow, now: Date): TInviteKeyStatus {
  if (k.usedAt) return "used";
  if (k.revokedAt) return "revoked";
  if (k.expiresAt <= now) return "expired";
  return "active";
}

const toDto = (k: repo.InviteKeyView, now: Date): TInviteKey => ({
  id: k.id,
  prefix: k.prefix,
  notes: k.notes,
  status: inviteKeyStatus(k, now),
  expiresAt: iso(k.expiresAt),
  createdAt: iso(k.createdAt),
  createdById: k.createdById,
  createdByUsername: k.createdByUsername,
  usedById: k.usedById,
  usedByUsername: k.usedByUsername,
  usedAt: isoOrNull(k.usedAt),
  revokedAt: isoOrNull(k.revokedAt),
});

/** Issues a single-use signup key. The raw key is in this answer only; the table keeps its hash. */
export async function createInviteKey(ctx: ServiceContext, actor: Actor, input: TCreateInviteKeyInput, meta?: RequestMeta): Promise<TCreatedInviteKey> {
  authorizeStaff(actor);
  const key = `${INVITE_KEY_PREFIX}${generateToken(20)}`;
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await repo.insertInviteKey(tx, {
      keyHash: hashToken(key),
      prefix: key.slice(0, VISIBLE_CHARS),
      notes: input.notes || null,
      expiresAt: new Date(now.getTime() + input.expiresDays * DAY),
      createdById: actor.userId,
    });
    await recordAudit(tx, {
      eventType: "invite_key.created",
      actor: { id: actor.userId, username: actor.username },
      target: { type: "invite_key", id: created.id },
      meta,
      details: { prefix: created.prefix, expiresAt: iso(created.expiresAt), notes: created.notes },
    });
    return created;
  });
  return { ...toDto({ ...row, createdByUsername: actor.username, usedByUsername: null }, now), key };
}

export async function listInviteKeys(ctx: ServiceContext, actor: Actor, input: TListInviteKeysInput): Promise<TInviteKeyList> {
  authorizeStaff(actor);
  const now = ctx.now();
  const rows = await repo.listInviteKeys(ctx.db, { ...input, now });
  return toPage(rows, input.limit, (r) => toDto(r, now));
}

/**
 * Revokes a key that hasn't been used. Revoking twice answers with the key as
 * it is; a used key can't be revoked (it has already done its job).
 */
export async function revokeInviteKey(ctx: ServiceContext, actor: Actor, id: string, meta?: RequestMeta): Promise<TInviteKey> {
  authorizeStaff(actor);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const revoked = await repo.revokeInviteKey(tx, id, now);
    const view = await repo.findInviteKeyView(tx, id);
    if (!view) throw notFound("Invite key");
    if (!revoked) {
      if (view.usedAt) throw new ServiceError("PRECONDITION_FAILED", "This invite key has already been used and can't be revoked");
      return toDto(view, now);
    }
    await recordAudit(tx, {
      eventType: "invite_key.revoked",
      actor: { id: actor.userId, username: actor.username },
      target: { type: "invite_key", id },
      meta,
      details: { prefix: view.prefix },
    });
    return toDto(view, now);
  });
}
