/** The part of `fetch` the client uses; global Request/Response types come from the DOM lib or @types/node. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RetryOptions {
  /** Tries in all, the first included (default 4); 1 turns retrying off. */
  maxAttempts?: number;
  /** @deprecated attempts after the first one; use maxAttempts. */
  retries?: number;
  /** The backoff's first step: waits are random in [0, baseDelayMs * 2^n] ("full jitter"), default 300. */
  baseDelayMs?: number;
  /** Ceiling for one wait, Retry-After included, in milliseconds (default 30 000). */
  maxDelayMs?: number;
  /** Each attempt's time limit in milliseconds (default 30 000); 0 for none. */
  timeoutMs?: number;
  /**
   * POSTs are retried only when the api cannot have acted on them (429, 503, connection refused),
   * unless the request is idempotent (it carries an idempotency key): then like any read.
   */
  idempotent?: boolean;
  /** For tests: the jitter's random source. */
  random?: () => number;
}

/** Answers worth another try: rate limited, or a gateway / the api briefly unavailable. */
const RETRYABLE = new Set([429, 502, 503, 504]);
/** Answers that mean "not done": safe to resend even a non-idempotent change. */
const NOT_DONE = new Set([429, 503]);

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

/** The connection was refused before anything was sent: nothing can have happened on the server. */
function refusedToConnect(err: unknown): boolean {
  let cause: unknown = err;
  for (let depth = 0; cause instanceof Error && depth < 5; depth++) {
    if ((cause as NodeJS.ErrnoException).code === "ECONNREFUSED") return true;
    cause = cause.cause;
  }
  return false;
}

/** One signal for several; older browsers without AbortSignal.any keep the caller's alone. */
function anyOf(signals: AbortSignal[]): AbortSignal | undefined {
  if (signals.length <= 1) return signals[0];
  return typeof AbortSignal.any === "function" ? AbortSignal.any(signals) : signals[0];
}

const isRead = (init?: RequestInit) => ["GET", "HEAD", "OPTIONS", undefined].includes(init?.method?.toUpperCase());

/**
 * Wraps fetch with timeouts and retries: network errors and 429/502/503/504 are tried again after an
 * exponential backoff with full jitter, or the answer's Retry-After when it names one. The caller's
 * AbortSignal stops both the request and the waits.
 */
export function fetchWithRetry(base: FetchLike, options: RetryOptions = {}): FetchLike {
  const maxAttempts = Math.max(1, options.maxAttempts ?? (options.retries === undefined ? 4 : options.retries + 1));
  const baseDelay = options.baseDelayMs ?? 300;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const random = options.random ?? Math.random;
  const backoff = (attempt: number) => Math.floor(random() * Math.min(maxDelay, baseDelay * 2 ** attempt));

  return async (input, init) => {
    const safe = options.idempotent || isRead(init);
    const callerSignal = init?.signal ?? undefined;
    for (let attempt = 0; ; attempt++) {
      const last = attempt + 1 >= maxAttempts;
      const signals = [callerSignal, timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined].filter((s): s is AbortSignal => !!s);
      let res: Response;
      try {
        res = await base(input, { ...init, signal: anyOf(signals) });
      } catch (err) {
        // The caller gave up: no more tries. A timeout or a network error may be tried again.
        if (callerSignal?.aborted) throw callerSignal.reason;
        const timedOut = (err as { name?: string }).name === "TimeoutError";
        if (last || !(safe || (!timedOut && refusedToConnect(err)))) throw err;
        await sleep(backoff(attempt), callerSignal);
        continue;
      }
      if (last || !RETRYABLE.has(res.status) || !(safe || NOT_DONE.has(res.status))) return res;
      const hinted = parseRetryAfter(res.headers.get("retry-after"));
      // An unread body would hold its keep-alive connection until garbage collection.
      await res.body?.cancel().catch(() => {});
      await sleep(Math.min(hinted ?? backoff(attempt), maxDelay), callerSignal);
    }
  };
}
