import type { TRPCLink } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import { observable } from "@trpc/server/observable";
import { errorFromTRPC } from "./errors.js";

/**
 * Mutations that move money. Each gets an idempotency key when the caller gave none, so a retry
 * (ours after a lost answer, or the caller's with the same input object) is applied once.
 */
const MONEY_MUTATIONS = /^billing\.(topup\.createSession|admin\.adjust)$/;

export const isMoneyMutation = (path: string): boolean => MONEY_MUTATIONS.test(path);

const newKey = (): string => globalThis.crypto.randomUUID();

/** Adds `idempotencyKey` to money mutations' input; the key stays the same across the fetch's retries. */
export function idempotencyLink<R extends AnyTRPCRouter>(): TRPCLink<R> {
  return () =>
    ({ op, next }) => {
      if (op.type !== "mutation" || !isMoneyMutation(op.path)) return next(op);
      const input = (op.input ?? {}) as Record<string, unknown>;
      return next(input.idempotencyKey ? op : { ...op, input: { ...input, idempotencyKey: newKey() } });
    };
}

/** Every failure leaves the client as an AtriumError (code, status, fieldErrors, retryAfter, requestId). */
export function atriumErrorLink<R extends AnyTRPCRouter>(): TRPCLink<R> {
  return () =>
    ({ op, next }) =>
      observable((observer) =>
        next(op).subscribe({
          next: (value) => observer.next(value),
          error: (err) => observer.error(errorFromTRPC(err)),
          complete: () => observer.complete(),
        }),
      );
}
