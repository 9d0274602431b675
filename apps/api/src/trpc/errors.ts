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

export function fieldErrorsFromCause(cause: unknown): Record<string, string[]> | undefined {
  if (cause instanceof ZodError) return fieldErrorsOf(cause);
  if (cause instanceof ServiceError) return cause.fieldErrors;
  return undefined;
}
