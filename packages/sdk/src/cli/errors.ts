import { TRPCClientError } from "@trpc/client";
import { CliError } from "./io.js";

/** One line for the user and an exit code; the server's own message where there is one. */
export function describeError(err: unknown): { message: string; exitCode: number } {
  if (err instanceof CliError) return { message: err.message, exitCode: err.exitCode };
  if (err instanceof TRPCClientError) {
    const status = (err.data as { httpStatus?: number } | undefined)?.httpStatus;
    const network = networkCause(err);
    if (network) return { message: `Cannot reach the api: ${network}`, exitCode: 1 };
    const hint = status === 401 ? " (run `atrium login`, or pass a valid --token)" : "";
    return { message: `${err.message}${hint}`, exitCode: 1 };
  }
  return { message: err instanceof Error ? err.message : String(err), exitCode: 1 };
}

/** fetch's "fetch failed" hides the reason (ECONNREFUSED, ENOTFOUND, bad port...) in its causes. */
function networkCause(err: Error): string | undefined {
  let cause: unknown = err.cause;
  if (!(cause instanceof TypeError && cause.message === "fetch failed")) return undefined;
  let reason = cause.message;
  for (let depth = 0; cause instanceof Error && depth < 5; depth++) {
    const { code, address, port } = cause as NodeJS.ErrnoException & { address?: string; port?: number };
    if (code) return address ? `${code} ${address}${port ? `:${port}` : ""}` : code;
    reason = cause.message;
    cause = cause.cause;
  }
  return reason;
}
