import { TRPCError } from "@trpc/server";
import { ZodRealError, type z } from "zod";

export const NUL_MESSAGE = "Text can't contain the NUL character (\\u0000)";

/**
 * Where `value` holds a string with U+0000, as field paths. Postgres text and
 * jsonb can't store that character, so a query given one fails; every input is
 * checked before it reaches a service, whatever its contract says.
 */
export function nulPaths(value: unknown, path: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  if (typeof value === "string") {
    if (value.includes("\u0000")) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulPaths(v, [...path, i], out));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) out.push([...path, k]);
      nulPaths(v, [...path, k], out);
    }
  }
  return out;
}

/** A 400 naming each field that holds a NUL, shaped like a contract's own validation error (the Error-derived ZodError a parse throws, which tRPC keeps as the cause). */
export function refuseNulCharacters(input: unknown): void {
  const paths = nulPaths(input);
  if (!paths.length) return;
  const issues = paths.map((path): z.core.$ZodIssue => ({ code: "custom", path, message: NUL_MESSAGE, input: undefined }));
  throw new TRPCError({ code: "BAD_REQUEST", message: NUL_MESSAGE, cause: new ZodRealError(issues) });
}
