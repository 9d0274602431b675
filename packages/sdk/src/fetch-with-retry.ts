/** The part of `fetch` the client uses; global Request/Response types come from the DOM lib or @types/node. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RetryOptions {
  /** Attempts after the first one; 0 turns retrying off. */
  retries?: number;
  /** Ceiling for one wait, in milliseconds. */
  maxDelayMs?: number;
}

const RETRYABLE = new Set([429, 503]);

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Wraps fetch so 429 and 503 answers are retried, honouring Retry-After. */
export function fetchWithRetry(base: FetchLike, options: RetryOptions = {}): FetchLike {
  const retries = options.retries ?? 3;
  const maxDelay = options.maxDelayMs ?? 30_000;
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const res = await base(input, init);
      if (!RETRYABLE.has(res.status) || attempt >= retries) return res;
      const wait = Math.min(parseRetryAfter(res.headers.get("retry-after")) ?? 2 ** attempt * 500, maxDelay);
      // An unread body would hold its keep-alive connection until garbage collection.
      await res.body?.cancel().catch(() => {});
      await sleep(wait, init?.signal);
    }
  };
}
