import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import type { TLedgerEntryType } from "./ledger.schema.js";

const { ledgerEntries, users, accounts } = schema;

const listColumns = {
  id: ledgerEntries.id,
  accountId: ledgerEntries.accountId,
  type: ledgerEntries.type,
  amountCents: ledgerEntries.amountCents,
  balanceAfterCents: ledgerEntries.balanceAfterCents,
  currency: ledgerEntries.currency,
  reason: ledgerEntries.reason,
  actorUsername: users.username,
  relatedType: ledgerEntries.relatedType,
  relatedId: ledgerEntries.relatedId,
  createdAt: ledgerEntries.createdAt,
};

/** One account's ledger, newest first, limit + 1 rows (see toPage). */
export function findLedgerPage(db: DbOrTx, q: { accountId: string; type?: TLedgerEntryType; limit: number; cursor?: string }) {
  return db
    .select(listColumns)
    .from(ledgerEntries)
    .leftJoin(users, eq(users.id, ledgerEntries.actorId))
    .where(and(eq(ledgerEntries.accountId, q.accountId), q.type ? eq(ledgerEntries.type, q.type) : undefined, after(ledgerEntries, ledgerEntries, q.cursor)))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
    .limit(q.limit + 1);
}
export type LedgerListRow = Awaited<ReturnType<typeof findLedgerPage>>[number];

export interface LedgerExportQuery {
  accountId?: string;
  from?: Date;
  before?: Date;
}

/** A batch of the export, oldest first (a ledger reads top to bottom), after the last row of the previous batch. */
export function findLedgerExportBatch(db: DbOrTx, q: LedgerExportQuery, opts: { limit: number; afterId?: string }) {
  const afterRow = opts.afterId
    ? sql`(${ledgerEntries.createdAt}, ${ledgerEntries.id}) > (select c.created_at, c.id from ${ledgerEntries} c where c.id = ${opts.afterId})`
    : undefined;
  return db
    .select({ ...listColumns, accountName: accounts.name, idempotencyKey: ledgerEntries.idempotencyKey })
    .from(ledgerEntries)
    .innerJoin(accounts, eq(accounts.id, ledgerEntries.accountId))
    .leftJoin(users, eq(users.id, ledgerEntries.actorId))
    .where(
      and(
        q.accountId ? eq(ledgerEntries.accountId, q.accountId) : undefined,
        q.from ? gte(ledgerEntries.createdAt, q.from) : undefined,
        q.before ? lt(ledgerEntries.createdAt, q.before) : undefined,
        afterRow,
      ),
    )
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id))
    .limit(opts.limit);
}
export type LedgerExportRow = Awaited<ReturnType<typeof findLedgerExportBatch>>[number];
