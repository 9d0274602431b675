import { TRPCError } from "@trpc/server";
import { ServiceError } from "@atrium/core";
import { ZodError } from "zod";

/** Turns a zod error into `{ "field.path": [messages] }`. */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The single place where service errors become transport errors. */
export function toTRPCError(cause: unknown): TRPCError | undefined {
  if (cause instanceof ServiceError) return new TRPCError({ code: cause.code, message: cause.message, cause });
  return undefined;
}

export function fieldErrorsFromCause(cause: unknown): Record<string, string[]> | undefined {
  if (cause instanceof ZodError) return fieldErrorsOf(cause);
  if (cause instanceof ServiceError) return cause.fieldErrors;
  return undefined;
}

/**
 * The message a caller reads: never an internal one, and a validation error
 * spells out its fields. Shared by tRPC, REST and the raw routes.
 */
export function publicMessage(error: { code: string; message: string; cause?: unknown }): string {
  if (error.code === "INTERNAL_SERVER_ERROR") return "Internal server error";
  const fieldErrors = fieldErrorsFromCause(error.cause);
  if (!(error.cause instanceof ZodError) || !fieldErrors) return error.message;
  return `Invalid input: ${Object.entries(fieldErrors)
    .map(([k, v]) => `${k}: ${v.join(", ")}`)
    .join("; ")}`;
}

/** The id pino-http gave the request (echoed as X-Request-Id), for error bodies. */
export const requestIdOf = (req: { id?: unknown }): string | null => (typeof req.id === "string" ? req.id : null);
