import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError, type TRPCClient } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { appRouterShape } from "./app-router.js";
import { CSRF_HEADER, isAuthProcedure } from "@atrium/core/contracts";
import { fetchWithRetry, parseRetryAfter, type FetchLike, type RetryOptions } from "./fetch-with-retry.js";

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
  retry?: RetryOptions;
  fetch?: FetchLike;
  headers?: Record<string, string>;
}

/**
 * A typed client for every procedure of the Atrium api over /trpc. Ordinary calls are
 * batched and retried on 429/503; auth calls (login, signup, password, email) go alone
 * and are never retried: a retry would silently resend a password (and spend the
 * account's budget again), so their 429 reaches the caller, who can say when to try again.
 */
export function createClient(options: ClientOptions): AtriumClient {
  const base: FetchLike = options.fetch ?? globalThis.fetch.bind(globalThis);
  const retrying = fetchWithRetry(base, options.retry);
  const url = `${options.baseUrl.replace(/\/$/, "")}/trpc`;
  const headers = () => {
    const token = typeof options.token === "function" ? options.token() : options.token;
    // CSRF_HEADER lets cookie-authenticated calls (the SPA) through the api's CSRF check; bearer calls don't need it.
    return { [CSRF_HEADER]: "1", ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  };
  const credentials = options.credentials ?? "same-origin";
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => isAuthProcedure(op.path),
        true: httpLink({ url, headers, fetch: (u, init) => base(u, { ...(init as RequestInit), credentials }) }),
        false: httpBatchLink({ url, headers, fetch: (u, init) => retrying(u, { ...(init as RequestInit), credentials }) }),
      }),
    ],
  });
}

/** Seconds until a refused (429) call may be tried again, from its Retry-After; undefined for other errors. */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  if (!(error instanceof TRPCClientError) || error.data?.httpStatus !== 429) return undefined;
  const response = (error.meta as { response?: Response } | undefined)?.response;
  const ms = parseRetryAfter(response?.headers?.get("retry-after") ?? null);
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}
