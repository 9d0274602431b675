import { and, eq, sql, type SQL } from "drizzle-orm";
import { PgDialect, PgTransaction } from "drizzle-orm/pg-core";
import { schema, type DbOrTx } from "@atrium/db";

const { reserves, ledgerEntries } = schema;
export type ReserveRow = typeof reserves.$inferSelect;
export type LedgerRow = typeof ledgerEntries.$inferSelect;

/** What a balance change needs to know about its reserve, read while the row is locked. */
export interface ReserveState {
  balanceCents: number;
  currency: string;
  lowBalancePolicy: ReserveRow["lowBalancePolicy"];
  lowBalanceThresholdCents: number;
  lowBalanceNotifiedAt: Date | null;
}

const stateColumns = {
  balanceCents: reserves.balanceCents,
  currency: reserves.currency,
  lowBalancePolicy: reserves.lowBalancePolicy,
  lowBalanceThresholdCents: reserves.lowBalanceThresholdCents,
  lowBalanceNotifiedAt: reserves.lowBalanceNotifiedAt,
};

/**
 * Which balances a change may leave behind: anything, nothing below zero, or
 * by the policy (nothing below zero under `block`, nothing below minus the
 * credit limit under `warn` and `limited`).
 */
export type BalanceGuard = "none" | "non_negative" | "policy";

export type LowBalancePolicy = ReserveRow["lowBalancePolicy"];

export async function findEntryByKey(db: DbOrTx, idempotencyKey: string): Promise<LedgerRow | undefined> {
  const [row] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.idempotencyKey, idempotencyKey)).limit(1);
  return row;
}

export async function findReserve(db: DbOrTx, accountId: string): Promise<ReserveRow | undefined> {
  const [row] = await db.select().from(reserves).where(eq(reserves.accountId, accountId)).limit(1);
  return row;
}

/** Creates the account's reserve if it has none (lazily, on first use), under the configured default policy. */
export async function insertReserveIfMissing(db: DbOrTx, accountId: string, policy: LowBalancePolicy): Promise<void> {
  // Looked for first: an INSERT ... ON CONFLICT that meets the existing row waits for whoever is updating it
  // (a debit or credit in flight), which serialized every caller behind the reserve's row lock.
  await db.execute(sql`
    insert into ${reserves} (account_id, low_balance_policy)
    select ${accountId}::uuid, ${policy}::low_balance_policy
    where not exists (select 1 from ${reserves} where account_id = ${accountId}::uuid)
    on conflict (account_id) do nothing`);
}

/** The reserve, locked until the caller's transaction ends (job admission holds it while it checks and inserts). */
export async function lockReserveRow(db: DbOrTx, accountId: string): Promise<ReserveRow | undefined> {
  const [row] = await db.select().from(reserves).where(eq(reserves.accountId, accountId)).for("update").limit(1);
  return row;
}

/** Strategy `row_lock`: read the reserve under SELECT ... FOR UPDATE. */
export async function lockReserve(db: DbOrTx, accountId: string): Promise<ReserveState | undefined> {
  const [row] = await db.select(stateColumns).from(reserves).where(eq(reserves.accountId, accountId)).for("update").limit(1);
  return row;
}

/** Strategy `row_lock`, second half: write the balance computed from the locked row. */
export async function setBalance(db: DbOrTx, accountId: string, balanceCents: number, lowBalanceNotifiedAt: Date | null): Promise<void> {
  await db.update(reserves).set({ balanceCents, lowBalanceNotifiedAt, updatedAt: sql`now()` }).where(eq(reserves.accountId, accountId));
}

/**
 * Strategy `update`: one conditional UPDATE that both locks the row and moves
 * the balance, so no read round trip sits inside the lock. Returns undefined
 * when there is no reserve or the guard refused (the caller tells them apart).
 * The low-balance notice is cleared here when the balance is back at or above
 * the threshold; setting it needs the old value and happens separately.
 */
export async function addToBalance(db: DbOrTx, accountId: string, deltaCents: number, guard: BalanceGuard, creditLimitCents: number): Promise<ReserveState | undefined> {
  const next = sql`${reserves.balanceCents} + ${deltaCents}::bigint`;
  const guards: Record<BalanceGuard, SQL | undefined> = {
    none: undefined,
    non_negative: sql`${next} >= 0`,
    policy: sql`(${next} >= 0 or (${reserves.lowBalancePolicy} <> 'block' and ${next} >= -${creditLimitCents}::bigint))`,
  };
  const [row] = await db
    .update(reserves)
    .set({
      balanceCents: next,
      lowBalanceNotifiedAt: sql`case when ${next} >= ${reserves.lowBalanceThresholdCents} then null else ${reserves.lowBalanceNotifiedAt} end`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(reserves.accountId, accountId), guards[guard]))
    .returning(stateColumns);
  return row;
}

/**
 * Strategy `update`, fast path: the guarded balance change and the ledger row
 * in ONE statement, run on its own (autocommit), so the reserve's row lock is
 * held only while Postgres executes it, never across a round trip to Node.
 * Matches nothing (returns undefined) when there is no reserve, the guard
 * refuses, or — with `withholdNotice` — the change would start a low-balance
 * episode, which needs a transaction to email the owners; the caller then
 * takes the transactional path. A repeated idempotency key fails the whole
 * statement on the unique index, balance included.
 */
export async function applyInOneStatement(
  db: DbOrTx,
  e: Omit<NewLedgerRow, "balanceAfterCents" | "currency">,
  guard: BalanceGuard,
  withholdNotice: boolean,
  creditLimitCents: number,
): Promise<LedgerRow | undefined> {
  const values = {
    accountId: e.accountId,
    delta: e.amountCents,
    creditLimit: creditLimitCents,
    type: e.type,
    key: e.idempotencyKey,
    reason: e.reason ?? null,
    actorId: e.actorId ?? null,
    relatedType: e.relatedType ?? null,
    relatedId: e.relatedId ?? null,
  };
  const pool = poolOf(db);
  // No pool: the caller's transaction (see poolOf), where a replay must not become an aborting unique violation.
  if (!pool) return fromMaybe(e, (await db.execute<RawLedgerRow>(oneStatement(guard, withholdNotice, true, (k) => sql`${values[k]}`))).rows[0]);
  // As a named prepared statement whose SQL text is built once per variant, so each pooled connection
  // plans it once and no request rebuilds it: under contention on one reserve the prepared statement
  // alone was ~1.6x the throughput of sending the text every time (bench/billing-debits.bench.ts).
  const name = `ledger_apply_${guard}${withholdNotice ? "_quiet" : ""}`;
  let prepared = preparedTexts.get(name);
  if (!prepared) {
    // Each value the variant uses is one numbered parameter, however often it appears (the delta does five times).
    const query = dialect.sqlToQuery(oneStatement(guard, withholdNotice, false, (k) => sql`${sql.placeholder(k)}`));
    const names = query.params.map((p) => (p as { name: OneStatementValue }).name);
    const used = [...new Set(names)];
    const text = query.sql.replace(/\$(\d+)/g, (_, n: string) => `$${used.indexOf(names[Number(n) - 1] as OneStatementValue) + 1}`);
    preparedTexts.set(name, (prepared = { text, used }));
  }
  const { rows } = await pool.query({ name, text: prepared.text, values: prepared.used.map((k) => values[k]) });
  return fromMaybe(e, rows[0]);
}

type OneStatementValue = "accountId" | "delta" | "creditLimit" | "type" | "key" | "reason" | "actorId" | "relatedType" | "relatedId";
const preparedTexts = new Map<string, { text: string; used: OneStatementValue[] }>();
const fromMaybe = (e: Omit<NewLedgerRow, "balanceAfterCents" | "currency">, raw: RawLedgerRow | undefined) => raw && fromRaw(e, raw);

/** The guarded balance update and its ledger line in one statement; `v` supplies each value (or its placeholder). */
/**
 * `skipApplied`: a key applied before changes nothing (the caller then answers the replay from the ledger);
 * inside a transaction, where the unique violation it would otherwise meet can't be recovered from.
 */
function oneStatement(guard: BalanceGuard, withholdNotice: boolean, skipApplied: boolean, v: (k: OneStatementValue) => SQL): SQL {
  const delta = sql`${v("delta")}::bigint`;
  const next = sql`balance_cents + ${delta}`;
  const guards: Record<BalanceGuard, SQL> = {
    none: sql`true`,
    non_negative: sql`${next} >= 0`,
    policy: sql`(${next} >= 0 or (low_balance_policy <> 'block' and ${next} >= -${v("creditLimit")}::bigint))`,
  };
  const noNotice = withholdNotice ? sql`not (${delta} < 0 and ${next} < low_balance_threshold_cents and low_balance_notified_at is null)` : sql`true`;
  return sql`
    with upd as (
      update reserves set
        balance_cents = ${next},
        low_balance_notified_at = case when ${next} >= low_balance_threshold_cents then null else low_balance_notified_at end,
        updated_at = now()
      where account_id = ${v("accountId")}::uuid and ${guards[guard]} and ${noNotice}
        ${skipApplied ? sql`and not exists (select 1 from ledger_entries where idempotency_key = ${v("key")}::text)` : sql``}
      returning balance_cents, currency
    )
    insert into ledger_entries (account_id, type, amount_cents, balance_after_cents, currency, idempotency_key, reason, actor_id, related_type, related_id, created_at)
    select ${v("accountId")}::uuid, ${v("type")}::ledger_entry_type, ${delta}, upd.balance_cents, upd.currency, ${v("key")}::text, ${v("reason")}::text,
           ${v("actorId")}::uuid, ${v("relatedType")}::text, ${v("relatedId")}::text, clock_timestamp()
    from upd
    returning id, balance_after_cents, currency, created_at`;
}

const dialect = new PgDialect();

interface PgPool {
  query: (q: { name: string; text: string; values: unknown[] }) => Promise<{ rows: RawLedgerRow[] }>;
}

/** The node-postgres pool behind a drizzle database (absent on transactions and other drivers). */
export function poolOf(db: DbOrTx): PgPool | undefined {
  // A transaction's statements must stay on its own connection, never go to the pool.
  if (db instanceof PgTransaction) return undefined;
  const client = (db as { $client?: Partial<PgPool> }).$client;
  return typeof client?.query === "function" ? (client as PgPool) : undefined;
}

/** Only what the database decided; the rest of the row is what the caller asked to write. */
interface RawLedgerRow extends Record<string, unknown> {
  id: string;
  balance_after_cents: string;
  currency: string;
  created_at: Date | string;
}

// Returning (and parsing) the columns the caller already knows was ~10% of a debit's CPU, Node's and Postgres' (bench/billing-debits.bench.ts).
const fromRaw = (e: Omit<NewLedgerRow, "balanceAfterCents" | "currency">, r: RawLedgerRow): LedgerRow => ({
  id: r.id,
  accountId: e.accountId,
  type: e.type,
  amountCents: e.amountCents,
  balanceAfterCents: Number(r.balance_after_cents),
  currency: r.currency,
  idempotencyKey: e.idempotencyKey,
  reason: e.reason ?? null,
  actorId: e.actorId ?? null,
  relatedType: e.relatedType ?? null,
  relatedId: e.relatedId ?? null,
  createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
});

export async function markLowBalanceNotified(db: DbOrTx, accountId: string, at: Date): Promise<void> {
  await db.update(reserves).set({ lowBalanceNotifiedAt: at }).where(eq(reserves.accountId, accountId));
}

export type NewLedgerRow = Omit<typeof ledgerEntries.$inferInsert, "id" | "createdAt">;

/**
 * Appends one ledger row. created_at is the wall clock at insert time (not the
 * transaction's start), taken while the reserve is locked, so ordering by it
 * follows the order balances actually changed in.
 */
export async function insertEntry(db: DbOrTx, values: NewLedgerRow): Promise<LedgerRow> {
  const [row] = await db
    .insert(ledgerEntries)
    .values({ ...values, createdAt: sql`clock_timestamp()` })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export interface LedgerMismatch {
  accountId: string;
  balanceCents: number;
  ledgerSumCents: number;
  /** Entries whose balanceAfterCents isn't the running sum of the entries before them. */
  brokenEntries: number;
}

/** Reserves whose balance isn't the sum of their ledger, or whose ledger's running balances don't add up. */
export async function findLedgerMismatches(db: DbOrTx, accountId?: string): Promise<LedgerMismatch[]> {
  const onlyEntries = accountId ? sql`where account_id = ${accountId}` : sql``;
  const onlyReserves = accountId ? sql`where r.account_id = ${accountId}` : sql``;
  const result = await db.execute<{ account_id: string; balance_cents: string; ledger_sum: string; broken: string }>(sql`
    with running as (
      select account_id, amount_cents, balance_after_cents,
             sum(amount_cents) over (partition by account_id order by created_at, id) as running_sum
      from ledger_entries ${onlyEntries}
    ), per_account as (
      select account_id, sum(amount_cents) as ledger_sum, count(*) filter (where balance_after_cents <> running_sum) as broken
      from running group by account_id
    )
    select r.account_id, r.balance_cents, coalesce(p.ledger_sum, 0) as ledger_sum, coalesce(p.broken, 0) as broken
    from reserves r left join per_account p on p.account_id = r.account_id
    ${onlyReserves}`);
  return result.rows
    .map((r) => ({ accountId: r.account_id, balanceCents: Number(r.balance_cents), ledgerSumCents: Number(r.ledger_sum), brokenEntries: Number(r.broken) }))
    .filter((m) => m.balanceCents !== m.ledgerSumCents || m.brokenEntries > 0);
}
