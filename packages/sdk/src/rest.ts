import { errorFromResponse, errorFromThrown } from "./errors.js";
import { fetchWithRetry, type FetchLike, type RetryOptions } from "./fetch-with-retry.js";

/** Where the api is and who calls it, for the raw REST routes (files and archives have no tRPC form). */
export interface RestTarget {
  baseUrl: string;
  /** A session token or API key; omit in a browser to use the session cookie. */
  token?: string;
  fetch?: FetchLike;
  retry?: RetryOptions;
  credentials?: "omit" | "same-origin" | "include";
}

export interface RestRequest {
  method?: string;
  /** Under /api, e.g. "/documents/". */
  path: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  body?: BodyInit;
  signal?: AbortSignal;
  /** A request that may be sent twice (reads; an upload's retry would make a second document). */
  idempotent?: boolean;
  /** An absolute URL instead of `path` (a signed link): sent without the token. */
  url?: string;
  /** More RequestInit, e.g. `duplex` for a streamed body. */
  init?: Record<string, unknown>;
}

/** One REST call; a non-2xx answer or a failed fetch throws an AtriumError. */
export async function restFetch(t: RestTarget, req: RestRequest): Promise<Response> {
  const q = new URLSearchParams(Object.entries(req.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
  const url = req.url ?? `${t.baseUrl.replace(/\/$/, "")}/api${req.path}${q.size ? `?${q.toString()}` : ""}`;
  const fetcher = fetchWithRetry(t.fetch ?? globalThis.fetch.bind(globalThis), { ...t.retry, idempotent: req.idempotent });
  const headers: Record<string, string> = { ...(req.url ? {} : { "x-atrium-request": "1" }), ...req.headers, ...(t.token && !req.url ? { authorization: `Bearer ${t.token}` } : {}) };
  let res: Response;
  try {
    res = await fetcher(url, { ...req.init, method: req.method ?? "GET", headers, body: req.body, signal: req.signal, credentials: t.credentials ?? "same-origin" });
  } catch (err) {
    throw errorFromThrown(err);
  }
  if (!res.ok) throw await errorFromResponse(res);
  return res;
}
