import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db, DbOrTx, Tx } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { isUniqueViolation } from "../shared/tx.js";
import * as repo from "./ledger.repository.js";
import type { TLedgerEntryType } from "./ledger.schema.js";
import { crossesLowBalance, queueLowBalanceEmails } from "./low-balance-email.service.js";
import { formatCents } from "./money.service.js";
import { emitTelemetry } from "../system/telemetry.service.js";
import { accountTopic } from "../realtime/realtime.schema.js";
import { publishAfterCommit } from "../realtime/realtime.service.js";

export type LockStrategy = "update" | "row_lock";
export type { LedgerRow, LedgerMismatch } from "./ledger.repository.js";

export interface LedgerEntryInput {
  accountId: string;
  type: TLedgerEntryType;
  /** Signed: credits and refunds positive, debits negative, adjustments either (never zero). */
  amountCents: number;
  /** Unique across the ledger: a second call with the same key changes nothing. */
  idempotencyKey: string;
  reason?: string | null;
  actorId?: string | null;
  related?: { type: string; id: string } | null;
  /** true: refuse to end below zero; "policy": only when the account's policy is `block`. */
  enforceNonNegative?: boolean | "policy";
  /** Overrides BILLING_LOCK_STRATEGY (tests and the bench run both). */
  strategy?: LockStrategy;
  /** More writes that must commit with this entry or not at all (an audit event, a usage record). Not run on a replay. */
  withinTx?: (tx: Tx, entry: repo.LedgerRow) => Promise<void>;
  /**
   * Inside the caller's transaction, a twin call with the same key normally
   * loses politely (a savepoint, then a replay). A caller that retries its whole
   * transaction on a unique violation (the Stripe webhook) sets this and gets the
   * one-statement path instead: two round trips fewer, and the violation aborts
   * its transaction, whose retry then finds the winner's entry and replays it.
   */
  retriesOnConflict?: boolean;
}

export interface LedgerResult {
  entry: repo.LedgerRow;
  /** The reserve's balance now. */
  balanceCents: number;
  /** false when the idempotency key had already been applied. */
  applied: boolean;
}

const IDEMPOTENCY_INDEX = "ledger_entries_idempotency_key";

const insufficient = (balanceCents: number, neededCents: number, currency = "usd") =>
  new ServiceError("PAYMENT_REQUIRED", `Insufficient balance: balance ${formatCents(balanceCents, currency)}, needed ${formatCents(neededCents, currency)}`);

function assertValid(input: LedgerEntryInput): void {
  const { type, amountCents: n } = input;
  const ok = Number.isSafeInteger(n) && (type === "adjustment" ? n !== 0 : type === "debit" ? n < 0 : n > 0);
  if (!ok) throw new ServiceError("BAD_REQUEST", `A ${type} needs a ${type === "debit" ? "negative" : type === "adjustment" ? "non-zero" : "positive"} whole number of cents`);
  if (!input.idempotencyKey.trim()) throw new ServiceError("BAD_REQUEST", "A ledger entry needs an idempotency key");
}

const guardOf = (e: LedgerEntryInput["enforceNonNegative"]): repo.BalanceGuard => (e === true ? "non_negative" : e === "policy" ? "policy" : "none");

/** BILLING_DEFAULT_POLICY and BILLING_WARN_CREDIT_LIMIT_CENTS; without a config, their defaults. */
export interface ReserveRules {
  defaultPolicy: repo.LowBalancePolicy;
  creditLimitCents: number;
}
export const DEFAULT_RESERVE_RULES: ReserveRules = { defaultPolicy: "block", creditLimitCents: 5_000 };
export const reserveRules = (ctx?: Pick<ServiceContext, "config">): ReserveRules =>
  ctx ? { defaultPolicy: ctx.config.BILLING_DEFAULT_POLICY, creditLimitCents: ctx.config.BILLING_WARN_CREDIT_LIMIT_CENTS } : DEFAULT_RESERVE_RULES;

/** Whether the guard forbids this result, judged in JS (row_lock strategy); mirrors the SQL guards. */
const refused = (guard: repo.BalanceGuard, state: repo.ReserveState, next: number, rules: ReserveRules) =>
  next < 0 && (guard === "non_negative" || (guard === "policy" && (state.lowBalancePolicy === "block" || next < -rules.creditLimitCents)));

/** SELECT ... FOR UPDATE, decide, UPDATE: the textbook way, one more round trip inside the lock. */
async function viaRowLock(tx: DbOrTx, input: LedgerEntryInput, guard: repo.BalanceGuard, rules: ReserveRules): Promise<repo.ReserveState> {
  let state = await repo.lockReserve(tx, input.accountId);
  if (!state) {
    await repo.insertReserveIfMissing(tx, input.accountId, rules.defaultPolicy);
    state = await repo.lockReserve(tx, input.accountId);
  }
  if (!state) throw notFound("Account");
  const next = state.balanceCents + input.amountCents;
  if (refused(guard, state, next, rules)) throw insufficient(state.balanceCents, -input.amountCents, state.currency);
  const notifiedAt = next >= state.lowBalanceThresholdCents ? null : state.lowBalanceNotifiedAt;
  await repo.setBalance(tx, input.accountId, next, notifiedAt);
  return { ...state, balanceCents: next, lowBalanceNotifiedAt: notifiedAt };
}

/** One conditional UPDATE ... RETURNING; only a refusal or a missing reserve costs another query. */
async function viaUpdate(tx: DbOrTx, input: LedgerEntryInput, guard: repo.BalanceGuard, rules: ReserveRules): Promise<repo.ReserveState> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const state = await repo.addToBalance(tx, input.accountId, input.amountCents, guard, rules.creditLimitCents);
    if (state) return state;
    const current = await repo.findReserve(tx, input.accountId);
    if (!current) {
      await repo.insertReserveIfMissing(tx, input.accountId, rules.defaultPolicy);
      continue;
    }
    // Refused by the guard, unless a concurrent credit landed between the two statements.
    if (refused(guard, current, current.balanceCents + input.amountCents, rules)) throw insufficient(current.balanceCents, -input.amountCents, current.currency);
  }
  throw new Error(`reserve of ${input.accountId} kept changing under a guarded update`);
}

/** A repeated key returns the first entry, provided it describes the same change. */
async function replay(db: DbOrTx, existing: repo.LedgerRow, input: LedgerEntryInput): Promise<LedgerResult> {
  if (existing.accountId !== input.accountId || existing.amountCents !== input.amountCents || existing.type !== input.type) {
    throw new ServiceError("CONFLICT", "This idempotency key was already used for a different ledger entry");
  }
  const reserve = await repo.findReserve(db, input.accountId);
  return { entry: existing, balanceCents: reserve?.balanceCents ?? existing.balanceAfterCents, applied: false };
}

/** The ledger row's own fields; the balance after and the currency come from the reserve. */
const rowOf = (input: LedgerEntryInput) => ({
  accountId: input.accountId,
  type: input.type,
  amountCents: input.amountCents,
  idempotencyKey: input.idempotencyKey,
  reason: input.reason ?? null,
  actorId: input.actorId ?? null,
  relatedType: input.related?.type ?? null,
  relatedId: input.related?.id ?? null,
});

const isForeignKeyViolation = (err: unknown) => {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) if ((e as { code?: unknown }).code === "23503") return true;
  return false;
};

/**
 * The one way a balance changes: the reserve's balance moves and exactly one
 * ledger row records it with the balance after, atomically — one statement
 * (strategy `update`, the common case), else one transaction (a savepoint when
 * `db` already is one). Idempotent by key, including when two calls with the
 * same key race: the loser's statement or transaction fails on the unique
 * index and it returns the winner's entry with applied=false. Pass `ctx` so a
 * debit that takes the balance under the low threshold emails the owners (and
 * BILLING_LOCK_STRATEGY applies); without it the notice waits for the next
 * debit that has one. An applied entry tells the account's streams
 * (`balance.changed`) once it has committed: at once on a plain `db`, at the
 * commit inside `inTransaction`; in any other caller's transaction the caller
 * says it after its commit (the job run does).
 */
export async function applyLedgerEntry(db: DbOrTx, input: LedgerEntryInput, ctx?: ServiceContext): Promise<LedgerResult> {
  try {
    const result = await applyOnce(db, input, ctx);
    // Inside a caller's transaction this counts before their commit; a rollback after it over-counts, which metrics tolerate.
    emitTelemetry("ledger.entry", { type: input.type, outcome: result.applied ? "applied" : "replayed", amountCents: input.amountCents });
    if (result.applied) await publishAfterCommit(ctx, db, [accountTopic(input.accountId)], { type: "balance.changed", accountId: input.accountId });
    return result;
  } catch (err) {
    if (err instanceof ServiceError && err.code === "PAYMENT_REQUIRED") emitTelemetry("ledger.entry", { type: input.type, outcome: "refused", amountCents: input.amountCents });
    throw err;
  }
}

/** Carries an error that aborted the caller's transaction past the recovery below, which would need that transaction. */
class CallersTxAborted extends Error {
  constructor(cause: unknown) {
    super("the caller's transaction is aborted", { cause });
  }
}

async function applyOnce(db: DbOrTx, input: LedgerEntryInput, ctx?: ServiceContext): Promise<LedgerResult> {
  assertValid(input);
  const strategy = input.strategy ?? ctx?.config.BILLING_LOCK_STRATEGY ?? "update";
  const guard = guardOf(input.enforceNonNegative);
  const rules = reserveRules(ctx);
  // One statement, no transaction round trips, unless the caller's transaction or a hook needs more than that.
  const inCallersTx = db instanceof PgTransaction;
  const oneStatement = strategy === "update" && !input.withinTx && (!inCallersTx || input.retriesOnConflict === true);
  // Replays are answered from the ledger before touching the reserve. The one-statement path skips this
  // read (it is most of a debit's cost): its statement changes nothing for a key already applied, and
  // the unique index stops a twin in flight (below: same outcome).
  if (!oneStatement) {
    const existing = await repo.findEntryByKey(db, input.idempotencyKey);
    if (existing) return replay(db, existing, input);
  }
  let afterCommit: (() => Promise<void>) | undefined;
  try {
    if (oneStatement) {
      // In the caller's transaction any error here (a twin's unique violation) has aborted it: only its retry can
      // look for the winner, so the error goes straight up (see retriesOnConflict).
      const entry = await repo
        .applyInOneStatement(db, rowOf(input), guard, ctx !== undefined, rules.creditLimitCents)
        .catch((err: unknown) => {
          throw inCallersTx ? new CallersTxAborted(err) : err;
        });
      if (entry) return { entry, balanceCents: entry.balanceAfterCents, applied: true };
      // Nothing applied: a replay, or the guard (or a missing reserve) refused; the long path below judges those.
      const existing = await repo.findEntryByKey(db, input.idempotencyKey);
      if (existing) return replay(db, existing, input);
    }
    const result = await (db as Db).transaction(async (tx) => {
      const state = await (strategy === "row_lock" ? viaRowLock : viaUpdate)(tx, input, guard, rules);
      const entry = await repo.insertEntry(tx, { ...rowOf(input), currency: state.currency, balanceAfterCents: state.balanceCents });
      await input.withinTx?.(tx, entry);
      if (ctx && crossesLowBalance(input.amountCents, state)) {
        await repo.markLowBalanceNotified(tx, input.accountId, ctx.now());
        afterCommit = await queueLowBalanceEmails(ctx, tx, input.accountId, state);
      }
      return { entry, balanceCents: state.balanceCents, applied: true };
    });
    // Inside a caller's transaction this runs before their commit; should the job look too early, the outbox sweep sends it later.
    await afterCommit?.();
    return result;
  } catch (err) {
    if (err instanceof CallersTxAborted) throw err.cause;
    if (isForeignKeyViolation(err)) throw notFound("Account");
    // A twin call with the same key may have won the race: then the guard refusing us (its debit came first) isn't a real refusal.
    const refusal = err instanceof ServiceError && err.code === "PAYMENT_REQUIRED";
    if (!refusal && !isUniqueViolation(err, IDEMPOTENCY_INDEX)) throw err;
    const winner = await repo.findEntryByKey(db, input.idempotencyKey);
    if (!winner) throw err;
    return replay(db, winner, input);
  }
}

type Convenience = Pick<LedgerEntryInput, "accountId" | "idempotencyKey" | "reason" | "related" | "actorId" | "strategy" | "withinTx" | "retriesOnConflict"> & { amountCents: number };

/** Adds money (a top-up, a refund back to the reserve). amountCents is positive. */
export function creditReserve(db: DbOrTx, input: Convenience & { type?: "credit" | "refund" }, ctx?: ServiceContext): Promise<LedgerResult> {
  return applyLedgerEntry(db, { ...input, type: input.type ?? "credit", enforceNonNegative: false }, ctx);
}

/**
 * Takes money. amountCents is the positive amount to take. Under the `block`
 * policy a debit the balance can't cover is refused (PAYMENT_REQUIRED, naming
 * both amounts); `enforceNonNegative: false` charges anyway (work already done).
 */
export function debitReserve(
  db: DbOrTx,
  input: Convenience & { enforceNonNegative?: LedgerEntryInput["enforceNonNegative"] },
  ctx?: ServiceContext,
): Promise<LedgerResult> {
  return applyLedgerEntry(db, { ...input, type: "debit", amountCents: -Math.abs(input.amountCents), enforceNonNegative: input.enforceNonNegative ?? "policy" }, ctx);
}

/** The account's reserve, created on first use under BILLING_DEFAULT_POLICY. Unknown accounts are NOT_FOUND. */
/** Creates the account's reserve if it has none; an unknown account is NOT_FOUND. */
export async function createReserveIfMissing(db: DbOrTx, accountId: string, rules: ReserveRules = DEFAULT_RESERVE_RULES): Promise<void> {
  try {
    await repo.insertReserveIfMissing(db, accountId, rules.defaultPolicy);
  } catch (err) {
    if (err instanceof CallersTxAborted) throw err.cause;
    if (isForeignKeyViolation(err)) throw notFound("Account");
    throw err;
  }
}

export async function ensureReserve(db: DbOrTx, accountId: string, rules: ReserveRules = DEFAULT_RESERVE_RULES): Promise<repo.ReserveRow> {
  await createReserveIfMissing(db, accountId, rules);
  const row = await repo.findReserve(db, accountId);
  if (!row) throw notFound("Account");
  return row;
}

/** The invariant the tests check: every balance is its ledger's sum, and every running balance adds up. Empty means sound. */
export function verifyLedger(db: DbOrTx, accountId?: string): Promise<repo.LedgerMismatch[]> {
  return repo.findLedgerMismatches(db, accountId);
}
