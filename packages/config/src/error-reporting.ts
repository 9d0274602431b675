import type { Env } from "./env.js";

type Capture = (err: Error, extra: Record<string, unknown>) => void;

let capture: Capture | undefined;
let starting: Promise<void> | undefined;

/**
 * Sends errors to Sentry when SENTRY_DSN is set. The SDK is imported only
 * then, so a deployment without it loads none of it; once per process, by the
 * first logger created with a DSN. Errors logged while it starts are not sent.
 */
export function startErrorReporting(env: Pick<Env, "SENTRY_DSN" | "NODE_ENV">, service: string): Promise<void> {
  if (!env.SENTRY_DSN || starting) return starting ?? Promise.resolve();
  const dsn = env.SENTRY_DSN;
  starting = import("@sentry/node").then((Sentry) => {
    Sentry.init({
      dsn,
      environment: env.NODE_ENV,
      // Errors only (no tracesSampleRate, no load-time module transforms): request and job timing live in the Prometheus metrics.
      enableRuntimeChannelInjection: false,
      initialScope: { tags: { service } },
    });
    capture = (err, extra) => void Sentry.captureException(err, { extra });
  });
  return starting;
}

/** Reports one error if reporting is on; a no-op otherwise. */
export function reportError(err: Error, extra: Record<string, unknown> = {}): void {
  capture?.(err, extra);
}

/** Waits until queued reports are sent (tests; shutdown). */
export async function flushErrorReports(timeoutMs = 2000): Promise<void> {
  if (!capture) return;
  const Sentry = await import("@sentry/node");
  await Sentry.flush(timeoutMs);
}

/** The Error a pino call carries: `log.error(err)`, `log.error({ err })` or `log.error({ err: { cause } })`. */
export function errorOfLogCall(first: unknown): Error | undefined {
  if (first instanceof Error) return first;
  if (first && typeof first === "object" && "err" in first) {
    const err = (first as { err: unknown }).err;
    if (err instanceof Error) return err;
  }
  return undefined;
}
