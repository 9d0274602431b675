import type { Request, Response } from "express";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { requestIdOf } from "../../trpc/errors.js";
import type { Surface } from "./procedure-paths.js";

type Code = TRPCError["code"];

/**
 * Refuses a request before tRPC or the REST adapter sees it, in the error body
 * that surface's clients already parse: REST `{ message, code, data }`, tRPC
 * `{ error: { message, code, data } }` (an array of them for a batch).
 */
export function sendSurfaceError(
  req: Request,
  res: Response,
  surface: Surface,
  code: Code,
  message: string,
  paths: string[] = [],
  fieldErrors: Record<string, string[]> | null = null,
): void {
  if (res.headersSent) return;
  const httpStatus = getHTTPStatusCodeFromError(new TRPCError({ code }));
  const requestId = requestIdOf(req as Request & { id?: unknown });
  const data = (path: string | undefined) => ({ code, httpStatus, path: path ?? null, fieldErrors, requestId });
  res.status(httpStatus);
  if (surface === "rest") {
    res.json({ message, code, data: data(paths[0]) });
    return;
  }
  const one = (path?: string) => ({ error: { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: data(path) } });
  res.json(req.query.batch ? (paths.length ? paths : [undefined]).map(one) : one(paths[0]));
}
