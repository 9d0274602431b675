import type { Request, RequestHandler } from "express";
import type { OpenApiMeta } from "trpc-to-openapi";
import { NO_INPUT } from "../../trpc/errors.js";
import { appRouter } from "../../trpc/root.js";
import { procedurePathsOf } from "./procedure-paths.js";
import { REST_ALIASES, REST_VALUE_ALIASES } from "./rest-field-aliases.js";
import { sendSurfaceError } from "./surface-errors.js";

type Fields = Record<string, unknown>;
type ProcDef = { _def: { inputs: { _zod?: { def?: { type?: string } } }[]; meta?: OpenApiMeta } };

const procedures = appRouter._def.procedures as unknown as Record<string, ProcDef>;
const VOID_TYPES = new Set(["void", "undefined", "never"]);
const takesInput = (p: ProcDef) => p._def.inputs.some((i) => !VOID_TYPES.has(i._zod?.def?.type ?? ""));
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);
const isFields = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * What the REST adapter would otherwise get wrong silently, before it builds a
 * procedure's input. It reads the body on POST/PUT/PATCH and the query string
 * otherwise, and drops the other one unread; for a procedure without input it
 * reads neither. Those keys are refused here by name. It also turns the
 * manuals' snake_case aliases (REST_ALIASES) into our field names. Unknown keys
 * inside the input are the strict contracts' job, on tRPC and REST alike.
 */
export const restInputs: RequestHandler = (req, res, next) => {
  // No query string and no body: nothing to refuse or rename (the common GET).
  if (!BODY_METHODS.has(req.method) && req.body === undefined && !req.url.includes("?")) return next();
  const [path] = procedurePathsOf(req, "rest");
  const procedure = path ? procedures[path] : undefined;
  const openapi = procedure?._def.meta?.openapi;
  if (!procedure || !openapi) return next();

  const errors: Record<string, string[]> = {};
  const refuse = (key: string, message: string) => (errors[key] ??= []).push(message);
  const usesBody = BODY_METHODS.has(req.method);
  const query: Fields = { ...(req.query as Fields) };
  const body: unknown = isFields(req.body) ? { ...req.body } : req.body;
  const input = usesBody ? body : query;
  const unread = usesBody ? query : isFields(body) ? body : {};
  for (const key of Object.keys(unread)) refuse(key, usesBody ? "Send this in the JSON body, not the query string" : "Send this as a query parameter, not in a body");

  if (!takesInput(procedure)) {
    if (isFields(input)) for (const key of Object.keys(input)) refuse(key, NO_INPUT);
  } else if (isFields(input)) {
    const route = `${openapi.method} ${openapi.path}`;
    for (const [alias, field] of Object.entries(REST_ALIASES[route] ?? {})) {
      if (!(alias in input)) continue;
      if (field in input) {
        refuse(alias, `Send either ${alias} or ${field}, not both`);
        continue;
      }
      const value = input[alias];
      input[field] = typeof value === "string" ? (REST_VALUE_ALIASES[route]?.[alias]?.[value] ?? value) : value;
      delete input[alias];
    }
  }

  if (Object.keys(errors).length) {
    const message = `Invalid input: ${Object.entries(errors)
      .map(([k, v]) => `${k}: ${v.join(", ")}`)
      .join("; ")}`;
    return sendSurfaceError(req, res, "rest", "BAD_REQUEST", message, [path ?? ""], errors);
  }
  if (usesBody) req.body = body;
  // Express 5's req.query is a getter that re-parses the URL on each read: shadow it with the rewritten copy.
  else Object.defineProperty(req as Request, "query", { value: query, writable: true, configurable: true, enumerable: true });
  next();
};
