import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "./client.js";
import { parseRetryAfter } from "./fetch-with-retry.js";

/** The api's codes (tRPC's, e.g. BAD_REQUEST, NOT_FOUND, TOO_MANY_REQUESTS) plus the client's own. */
export type AtriumErrorCode = string | "NETWORK_ERROR" | "TIMEOUT" | "ABORTED";

export interface AtriumErrorInit {
  code: AtriumErrorCode;
  /** The HTTP status; 0 when no answer came (network error, timeout, abort). */
  status: number;
  fieldErrors?: Record<string, string[]> | null;
  retryAfter?: number;
  requestId?: string;
  cause?: unknown;
}

/**
 * Every failure of the SDK, from tRPC calls and REST helpers alike. It extends
 * TRPCClientError so code written against tRPC's error (`.data.httpStatus`) keeps working.
 */
export class AtriumError extends TRPCClientError<AppRouter> {
  readonly code: AtriumErrorCode;
  readonly status: number;
  /** Per-field messages, e.g. `{ amountDollars: ["Top up between $5.00 and $10,000.00"] }`. */
  readonly fieldErrors: Record<string, string[]> | null;
  /** Seconds to wait before trying again (429/503 with Retry-After). */
  readonly retryAfter: number | undefined;
  /** The api's X-Request-Id, to quote when reporting a problem. */
  readonly requestId: string | undefined;

  constructor(message: string, init: AtriumErrorInit) {
    super(message, { cause: init.cause instanceof Error ? init.cause : undefined });
    // TRPCClientError's constructor pins its own prototype; restore the subclass's.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "AtriumError";
    this.code = init.code;
    this.status = init.status;
    this.fieldErrors = init.fieldErrors ?? null;
    this.retryAfter = init.retryAfter;
    this.requestId = init.requestId;
  }
}

interface ErrorBody {
  message?: string;
  code?: string;
  data?: { code?: string; httpStatus?: number; fieldErrors?: Record<string, string[]> | null };
}

const retryAfterOf = (res: Response | undefined): number | undefined => {
  const ms = parseRetryAfter(res?.headers?.get("retry-after") ?? null);
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
};

/** A failed REST answer (the api's `{ message, code, data: { fieldErrors } }` body) as an AtriumError. */
export async function errorFromResponse(res: Response): Promise<AtriumError> {
  const body = (await res.json().catch(() => ({}))) as ErrorBody;
  return new AtriumError(body.message ?? `HTTP ${res.status}`, {
    code: body.data?.code ?? body.code ?? `HTTP_${res.status}`,
    status: res.status,
    fieldErrors: body.data?.fieldErrors ?? null,
    retryAfter: retryAfterOf(res),
    requestId: res.headers.get("x-request-id") ?? undefined,
  });
}

/** A fetch that threw: a timeout, an abort by the caller, or no connection. */
export function errorFromThrown(err: unknown): AtriumError {
  if (err instanceof AtriumError) return err;
  const name = (err as { name?: string } | null)?.name;
  if (name === "TimeoutError") return new AtriumError("The request timed out", { code: "TIMEOUT", status: 0, cause: err });
  if (name === "AbortError") return new AtriumError("The request was aborted", { code: "ABORTED", status: 0, cause: err });
  return new AtriumError(`Cannot reach the api: ${networkReason(err)}`, { code: "NETWORK_ERROR", status: 0, cause: err });
}

/** fetch's "fetch failed" hides the reason (ECONNREFUSED, ENOTFOUND...) in its causes. */
function networkReason(err: unknown): string {
  let cause: unknown = err;
  for (let depth = 0; cause instanceof Error && depth < 5; depth++) {
    const { code, address, port } = cause as NodeJS.ErrnoException & { address?: string; port?: number };
    if (code) return address ? `${code} ${address}${port ? `:${port}` : ""}` : code;
    cause = cause.cause;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Any error a tRPC call produced, as an AtriumError (already converted ones pass through). */
export function errorFromTRPC(err: unknown): AtriumError {
  if (err instanceof AtriumError) return err;
  if (!(err instanceof TRPCClientError)) return errorFromThrown(err);
  const data = err.data as ErrorBody["data"] | undefined;
  const response = (err.meta as { response?: Response } | undefined)?.response;
  // An answer that isn't the api's (a proxy's 502 page): its status is all there is.
  if (!data && response && response.status >= 400) {
    return new AtriumError(`HTTP ${response.status}`, { code: `HTTP_${response.status}`, status: response.status, retryAfter: retryAfterOf(response), cause: err });
  }
  if (!data) return errorFromThrown(err.cause ?? err);
  const wrapped = new AtriumError(err.message, {
    code: data.code ?? "INTERNAL_SERVER_ERROR",
    status: data.httpStatus ?? 500,
    fieldErrors: data.fieldErrors ?? null,
    retryAfter: retryAfterOf(response),
    requestId: response?.headers?.get("x-request-id") ?? undefined,
    cause: err,
  });
  // tRPC's own fields, for code that reads `.data` / `.shape` / `.meta`.
  Object.assign(wrapped, { data: err.data, shape: err.shape, meta: err.meta });
  return wrapped;
}
