import type { Db, Tx } from "@atrium/db";
import type { ServiceContext } from "./context.js";
import { DeferredPublisher } from "../realtime/realtime.service.js";

/**
 * Runs `fn` in a transaction, or in a savepoint when ctx.db already is one
 * (signup calls acceptInvitation inside its own transaction). The callback's
 * context carries the transaction, so repositories and audit share it, and a
 * publisher that holds realtime events until the commit (dropped on rollback).
 */
export async function inTransaction<T>(ctx: ServiceContext, fn: (tx: Tx, txCtx: ServiceContext) => Promise<T>): Promise<T> {
  const held = ctx.realtime ? new DeferredPublisher(ctx.realtime) : undefined;
  // Db and Tx both have transaction(); the union type just can't be called directly.
  const out = await (ctx.db as Db).transaction((tx) => fn(tx, { ...ctx, db: tx, realtime: held }));
  await held?.release(ctx.logger);
  return out;
}

/** Postgres' unique_violation, seen through drizzle's wrapper, optionally for one constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: unknown; constraint?: unknown };
    if (pg.code === "23505") return !constraint || pg.constraint === constraint;
  }
  return false;
}
