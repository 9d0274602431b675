import { TRPCError } from "@trpc/server";
import { ServiceError } from "@atrium/core";
import { ZodError } from "zod";

/** The message for a key no contract declares (strict objects refuse them on every procedure). */
export const UNKNOWN_FIELD = "Unknown field";

/**
 * Turns a zod error into `{ "field.path": [messages] }`. An unknown key is
 * reported under its own name (zod reports it on the enclosing object), so a
 * client sees `{ "is_active": ["Unknown field"] }` rather than a bare 400.
 */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (path: PropertyKey[], message: string) => (out[path.map(String).join(".") || "_"] ??= []).push(message);
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) add([...issue.path, key], UNKNOWN_FIELD);
    else add(issue.path, issue.message);
  }
  return out;
}

/** The single place where service errors become transport errors. */
export function toTRPCError(cause: unknown): TRPCError | undefined {
  if (cause instanceof ServiceError) return new TRPCError({ code: cause.code, message: cause.message, cause });
  return undefined;
}

/** The message for any key sent to a procedure that takes no input. */
export const NO_INPUT = "This operation takes no input";

/**
 * A procedure without input (z.void()) fails `{ "verbose": 1 }` on the whole
 * value; name the keys that were sent instead, as a strict object would.
 */
function keysSentToNoInput(error: ZodError, input: unknown): Record<string, string[]> | undefined {
  const [issue, ...rest] = error.issues;
  const noInput = issue?.code === "invalid_type" && ["void", "undefined"].includes(issue.expected) && issue.path.length === 0;
  if (!noInput || rest.length || typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const keys = Object.keys(input);
  return keys.length ? Object.fromEntries(keys.map((k) => [k, [NO_INPUT]])) : undefined;
}

export function fieldErrorsFromCause(cause: unknown, input?: unknown): Record<string, string[]> | undefined {
  if (cause instanceof ZodError) return keysSentToNoInput(cause, input) ?? fieldErrorsOf(cause);
  if (cause instanceof ServiceError) return cause.fieldErrors;
  return undefined;
}

/**
 * The message a caller reads: never an internal one, and a validation error
 * spells out its fields. Shared by tRPC, REST and the raw routes.
 */
export function publicMessage(error: { code: string; message: string; cause?: unknown }, input?: unknown): string {
  if (error.code === "INTERNAL_SERVER_ERROR") return "Internal server error";
  const fieldErrors = fieldErrorsFromCause(error.cause, input);
  if (!(error.cause instanceof ZodError) || !fieldErrors) return error.message;
  return `Invalid input: ${Object.entries(fieldErrors)
    .map(([k, v]) => `${k}: ${v.join(", ")}`)
    .join("; ")}`;
}

/** The id the request log gave the request (echoed as X-Request-Id), for error bodies. */
export const requestIdOf = (req: { id?: unknown }): string | null => (typeof req.id === "string" ? req.id : null);
