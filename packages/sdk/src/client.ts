import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { appRouterShape } from "./app-router.js";
import { CSRF_HEADER } from "@atrium/core/contracts";
import { fetchWithRetry, type FetchLike, type RetryOptions } from "./fetch-with-retry.js";

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

/** A typed client for every procedure of the Atrium api, batched over /trpc. */
export function createClient(options: ClientOptions): AtriumClient {
  const base: FetchLike = options.fetch ?? globalThis.fetch.bind(globalThis);
  const retrying = fetchWithRetry(base, options.retry);
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.baseUrl.replace(/\/$/, "")}/trpc`,
        headers: () => {
          const token = typeof options.token === "function" ? options.token() : options.token;
          // CSRF_HEADER lets cookie-authenticated calls (the SPA) through the api's CSRF check; bearer calls don't need it.
          return { [CSRF_HEADER]: "1", ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
        },
        fetch: (url, init) => retrying(url, { ...(init as RequestInit), credentials: options.credentials ?? "same-origin" }),
      }),
    ],
  });
}
