import type { Response } from "express";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { ZodError } from "zod";
import { fieldErrorsFromCause, fieldErrorsOf } from "../../trpc/errors.js";

/** The same error body the REST surface sends for a failed procedure, for plain express routes. */
export function sendRouteError(res: Response, error: TRPCError, path: string): void {
  if (res.headersSent) return;
  const status = getHTTPStatusCodeFromError(error);
  const fieldErrors = fieldErrorsFromCause(error.cause) ?? null;
  const message = status >= 500 ? "Internal server error" : error.message;
  res.status(status).json({ message, code: error.code, data: { code: error.code, httpStatus: status, path, fieldErrors } });
}

export function zodToTRPC(error: ZodError): TRPCError {
  const fields = fieldErrorsOf(error);
  const detail = Object.entries(fields).map(([k, v]) => `${k}: ${v.join(", ")}`);
  return new TRPCError({ code: "BAD_REQUEST", message: `Invalid input: ${detail.join("; ")}`, cause: error });
}
