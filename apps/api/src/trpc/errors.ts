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
