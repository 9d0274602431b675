import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink, type TRPCClient } from "@trpc/client";
import { EventSource as FetchEventSource } from "eventsource";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { appRouterShape } from "./app-router.js";
import { CSRF_HEADER, isAuthProcedure } from "@atrium/core/contracts";
import { AtriumError } from "./errors.js";
import { fetchWithRetry, type FetchLike, type RetryOptions } from "./fetch-with-retry.js";
import { atriumErrorLink, idempotencyLink, isMoneyMutation } from "./links.js";

/** The api's router as clients see it: every procedure, none of the server's types. */
export type AppRouter = typeof appRouterShape;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type AtriumClient = TRPCClient<AppRouter>;

export interface ClientOptions {
  /** Where the api lives, e.g. https://atrium.example.com; "" for the same origin (the SPA). */
  baseUrl: string;
  /** A session token or an API key; omit to rely on the session cookie. */
  token?: string | (() => string | undefined);
  /** Send cookies (the SPA's session) with each call; spelled out so no DOM lib is needed. */
  credentials?: "omit" | "same-origin" | "include";
  /** Attempts, backoff, and each attempt's time limit (`timeoutMs`). */
  retry?: RetryOptions;
  fetch?: FetchLike;
  headers?: Record<string, string>;
  /**
   * The EventSource class subscriptions (`events.stream`) use. Default: the runtime's own
   * (browsers; it sends the cookie), else the `eventsource` package, which sends the token
   * as a bearer header through `fetch`.
   */
  EventSource?: typeof FetchEventSource;
}

/**
 * A typed client for every procedure of the Atrium api over /trpc. Failures are AtriumErrors.
 * Reads are batched and retried (network errors, 429/502/503/504); other changes are retried
 * only when the api cannot have acted (429, 503, connection refused); money mutations carry
 * an idempotency key and are retried like reads. Auth calls (login, signup, password, email)
 * go alone and are never retried: a retry would silently resend a password (and spend the
 * account's budget again), so their 429 reaches the caller, who can say when to try again.
 */
export function createClient(options: ClientOptions): AtriumClient {
  // Plain-JS callers get no compile error for a misspelt option; say which one instead of a TypeError deep inside.
  // ("" is valid: the browser's own origin, as the SPA uses it.)
  if (typeof options?.baseUrl !== "string") throw new TypeError('createClient needs { baseUrl }: the api\'s origin, e.g. "https://atrium.example.com"');
  const base: FetchLike = options.fetch ?? globalThis.fetch.bind(globalThis);
  const credentials = options.credentials ?? "same-origin";
  const using = (fetcher: FetchLike): FetchLike => (u, init) => fetcher(u, { ...init, credentials });
  const retrying = using(fetchWithRetry(base, options.retry));
  const once = using(fetchWithRetry(base, { ...options.retry, maxAttempts: 1 }));
  const keyed = using(fetchWithRetry(base, { ...options.retry, idempotent: true }));
  const url = `${options.baseUrl.replace(/\/$/, "")}/trpc`;
  const headers = () => {
    const token = typeof options.token === "function" ? options.token() : options.token;
    // CSRF_HEADER lets cookie-authenticated calls (the SPA) through the api's CSRF check; bearer calls don't need it.
    return { [CSRF_HEADER]: "1", ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  };
  const native = (globalThis as unknown as { EventSource?: typeof FetchEventSource }).EventSource;
  // Subscriptions are long-lived SSE requests: never retried by fetchWithRetry (the link reconnects with the last event id) nor batched.
  const subscriptions = httpSubscriptionLink({
    url,
    EventSource: options.EventSource ?? native ?? FetchEventSource,
    eventSourceOptions: () => ({
      withCredentials: credentials !== "omit",
      // Only the `eventsource` package reads this; a browser's EventSource ignores it and sends the cookie.
      fetch: (u: string | URL, init?: { headers?: Record<string, string> }) => base(String(u), { ...init, credentials, headers: { ...init?.headers, ...headers() } }),
    }),
  });
  return createTRPCClient<AppRouter>({
    links: [
      atriumErrorLink(),
      idempotencyLink(),
      splitLink({
        condition: (op) => op.type === "subscription",
        true: subscriptions,
        false: splitLink({
          condition: (op) => isAuthProcedure(op.path),
          true: httpLink({ url, headers, fetch: once }),
          false: splitLink({
            condition: (op) => op.type === "mutation" && isMoneyMutation(op.path),
            true: httpLink({ url, headers, fetch: keyed }),
            false: httpBatchLink({ url, headers, fetch: retrying }),
          }),
        }),
      }),
    ],
  });
}

/** Seconds until a refused (429) call may be tried again, from its Retry-After; undefined for other errors. */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  if (!(error instanceof AtriumError) || error.status !== 429) return undefined;
  return error.retryAfter;
}
