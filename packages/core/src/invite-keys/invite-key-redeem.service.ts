import type { DbOrTx } from "@atrium/db";
import type { RequestMeta } from "../shared/context.js";
import { recordAudit } from "../audit/audit.service.js";
import { ServiceError } from "../shared/errors.js";
import { hashToken } from "../shared/tokens.js";
import * as repo from "./invite-key.repository.js";
import { inviteKeyStatus } from "./invite-key.service.js";

const REFUSALS = {
  invalid: "This invite key is not valid",
  expired: "This invite key has expired",
  used: "This invite key has already been used",
  revoked: "This invite key has been revoked",
} as const;

/**
 * Why this key can't be used now, or null when it can. Read-only, so signup
 * can refuse before hashing a password or opening a transaction.
 */
export async function inviteKeyProblem(db: DbOrTx, rawKey: string, now: Date): Promise<string | null> {
  const row = await repo.findInviteKeyByHash(db, hashToken(rawKey.trim()));
  if (!row) return REFUSALS.invalid;
  const status = inviteKeyStatus(row, now);
  return status === "active" ? null : REFUSALS[status];
}

/**
 * Spends the key on `user` inside the caller's transaction. When a concurrent
 * signup got there first the claim returns nothing and this throws, rolling
 * the whole signup back.
 */
export async function redeemInviteKey(
  tx: DbOrTx,
  rawKey: string,
  user: { id: string; username: string; accountId: string | null },
  now: Date,
  meta?: RequestMeta,
): Promise<repo.InviteKeyRow> {
  const claimed = await repo.claimInviteKey(tx, hashToken(rawKey.trim()), user.id, now);
  if (!claimed) {
    const why = (await inviteKeyProblem(tx, rawKey, now)) ?? REFUSALS.used;
    throw new ServiceError("BAD_REQUEST", why, { inviteKey: [why] });
  }
  await recordAudit(tx, {
    eventType: "invite_key.used",
    actor: { id: user.id, username: user.username },
    target: { type: "invite_key", id: claimed.id },
    accountId: user.accountId,
    meta,
    details: { prefix: claimed.prefix },
  });
  return claimed;
}
