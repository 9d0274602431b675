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

/** Wraps fetch so 429 and 503 answers are retried, honouring Retry-After. */
export function fetchWithRetry(base: typeof fetch, options: RetryOptions = {}): typeof fetch {
  const retries = options.retries ?? 3;
  const maxDelay = options.maxDelayMs ?? 30_000;
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const res = await base(input, init);
      if (!RETRYABLE.has(res.status) || attempt >= retries) return res;
      const wait = Math.min(parseRetryAfter(res.headers.get("retry-after")) ?? 2 ** attempt * 500, maxDelay);
      await new Promise((r) => setTimeout(r, wait));
    }
  };
}
