import { and, isNotNull, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import { schema } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";

const { inviteKeys } = schema;

export const INVITE_JOBS = { purgeStale: "invites.purge-stale" } as const;

/** Keys never used that expired (or were revoked) more than `olderThanDays` ago. */
export const ZPurgeStaleInviteKeysPayload = z.strictObject({ olderThanDays: z.number().int().min(1).default(90) });

/**
 * Expiry needs no job (a key's status is derived from its date); this only
 * deletes long-dead keys nobody used, so the list stays readable. Used keys are
 * kept: they say who invited whom.
 */
export async function purgeStaleInviteKeys(ctx: ServiceContext, olderThanDays: number): Promise<{ deleted: number }> {
  const cutoff = new Date(ctx.now().getTime() - olderThanDays * 86_400_000);
  const rows = await ctx.db
    .delete(inviteKeys)
    .where(and(isNull(inviteKeys.usedAt), or(lt(inviteKeys.expiresAt, cutoff), and(isNotNull(inviteKeys.revokedAt), lt(inviteKeys.revokedAt, cutoff)))))
    .returning({ id: inviteKeys.id });
  return { deleted: rows.length };
}
