import { AtriumError, errorFromTRPC } from "../errors.js";
import { TRPCClientError } from "@trpc/client";
import { CliError } from "./io.js";

/** One line for the user and an exit code; the server's own message where there is one. */
export function describeError(err: unknown): { message: string; exitCode: number } {
  if (err instanceof CliError) return { message: err.message, exitCode: err.exitCode };
  if (err instanceof AtriumError || err instanceof TRPCClientError) {
    const e = errorFromTRPC(err);
    const hint = e.status === 401 ? " (run `atrium login`, or pass a valid --token)" : "";
    const fields = e.fieldErrors && !e.message.startsWith("Invalid input") ? Object.entries(e.fieldErrors).map(([k, v]) => `${k}: ${v.join(", ")}`) : [];
    return { message: `${e.message}${fields.length ? ` (${fields.join("; ")})` : ""}${hint}`, exitCode: 1 };
  }
  return { message: err instanceof Error ? err.message : String(err), exitCode: 1 };
}
