import { inArray, lte } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import { accountPrefix, type Storage } from "../storage/storage.service.js";
import { inTransaction } from "../shared/tx.js";

const { teams, organizations, accounts, users } = schema;

export interface PurgeResult {
  teams: number;
  organizations: number;
  accounts: number;
  users: number;
}

/**
 * Hard-deletes rows soft-deleted at least `olderThanDays` ago (default: the
 * configured retention), children first. Live children of a purged parent go
 * with it through the foreign keys' cascades; users merely lose that home account.
 * A purged account's stored files (its whole `accounts/<id>/` folder, local
 * or S3) go first: a crash in between leaves a row to retry, never orphaned bytes.
 */
export async function purgeSoftDeleted(ctx: ServiceContext, storage: Storage, opts: { olderThanDays?: number } = {}): Promise<PurgeResult> {
  const days = opts.olderThanDays ?? ctx.config.SOFT_DELETE_RETENTION_DAYS;
  const cutoff = new Date(ctx.now().getTime() - days * 86_400_000);
  const doomedAccounts = await ctx.db.select({ id: accounts.id }).from(accounts).where(lte(accounts.deletedAt, cutoff));
  for (const { id } of doomedAccounts) await storage.deletePrefix(accountPrefix(id));
  const result = await inTransaction(ctx, async (tx) => {
    const gone = <T extends { id: unknown }>(rows: T[]) => rows.length;
    const t = gone(await tx.delete(teams).where(lte(teams.deletedAt, cutoff)).returning({ id: teams.id }));
    const o = gone(await tx.delete(organizations).where(lte(organizations.deletedAt, cutoff)).returning({ id: organizations.id }));
    const doomed = tx.select({ id: accounts.id }).from(accounts).where(lte(accounts.deletedAt, cutoff));
    // users.account_id has no cascade: a user outlives their home account.
    await tx.update(users).set({ accountId: null }).where(inArray(users.accountId, doomed));
    const a = gone(await tx.delete(accounts).where(lte(accounts.deletedAt, cutoff)).returning({ id: accounts.id }));
    const u = gone(await tx.delete(users).where(lte(users.deletedAt, cutoff)).returning({ id: users.id }));
    return { teams: t, organizations: o, accounts: a, users: u };
  });
  ctx.logger.info({ ...result, olderThanDays: days }, "purged soft-deleted rows");
  return result;
}
