// Reads the router itself: every procedure, its input shape, and who it is for.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { appRouter } from "../../trpc/root.js";
import { protectedProcedure, staffProcedure } from "../../trpc/init.js";

export type Kind = "account" | "organization" | "team" | "user" | "invitation" | "apiKey" | "document" | "job" | "inviteKey" | "outbox" | "conversation" | "message" | "notification" | "posting" | "application";
export type Ids = Record<Kind, string>;
export type Access = "public" | "protected" | "staff";

export interface Procedure {
  path: string;
  type: "query" | "mutation" | "subscription";
  shape: Record<string, z.ZodType>;
  access: Access;
  summary: string;
  /** False for procedures without .input(): they must be called with nothing. */
  hasInput: boolean;
  /** Its REST route under /api, when it has one. */
  rest?: { method: string; path: string };
}

/** Which kind of id `id` means, by router (the procedure path without its last segment); other id fields say it in their name. */
const ID_KIND_BY_ROUTER: Record<string, Kind> = {
  accounts: "account",
  organizations: "organization",
  invitations: "organization",
  teams: "team",
  users: "user",
  "users.admin": "user",
  apiKeys: "apiKey",
  documents: "document",
  jobs: "job",
  "system.jobs": "job",
  inviteKeys: "inviteKey",
  "email.outbox": "outbox",
  // messages.get / read / search take a conversation id; messages.delete takes a message id (below).
  messages: "conversation",
  notifications: "notification",
  "recruiting.postings": "posting",
  "recruiting.applications": "application",
  // The application's conversation is addressed by the application.
  "recruiting.conversation": "application",
};
/** Procedures whose `id` is not their router's kind. */
const ID_KIND_BY_PROCEDURE: Record<string, Kind> = { "messages.delete": "message" };
const ID_KIND_BY_FIELD: Record<string, Kind> = {
  accountId: "account",
  tenantId: "account",
  organizationId: "organization",
  teamId: "team",
  userId: "user",
  invitationId: "invitation",
  apiKeyId: "apiKey",
  documentId: "document",
  resumeDocumentId: "document",
  jobDescriptionDocumentId: "document",
  jobId: "job",
  conversationId: "conversation",
  receiverId: "user",
  postingId: "posting",
  applicationId: "application",
};

/** Fields that end in "Id" but name no row: an event stream's position (events.stream resumes after it). */
const NOT_ROW_IDS = new Set(["lastEventId"]);

export const isIdField = (key: string) => !NOT_ROW_IDS.has(key) && (key === "id" || /^[a-z][A-Za-z]*Id$/.test(key));

/** The kind of an id field, or undefined: the walk then fails instead of guessing a random id. */
export function kindOf(path: string, key: string): Kind | undefined {
  return key === "id" ? (ID_KIND_BY_PROCEDURE[path] ?? ID_KIND_BY_ROUTER[path.slice(0, path.lastIndexOf("."))]) : ID_KIND_BY_FIELD[key];
}

type AnyDef = { type: string; format?: string; entries?: Record<string, string>; values?: unknown[]; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: AnyDef } })._zod.def;
export const isRequired = (s: z.ZodType) => !s.safeParse(undefined).success;

/** A valid value for a required non-id field (optional ones are left to their defaults). */
export function sample(s: z.ZodType): unknown {
  const def = defOf(s);
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
      return undefined;
    case "nullable":
      return def.innerType && sample(def.innerType);
    case "string":
      return def.format === "email" ? "isolation@example.test" : def.format === "uuid" || def.format === "guid" ? randomUUID() : "isolation-sample";
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "literal":
      return def.values?.[0];
    case "number":
      return 1;
    case "boolean":
      return false;
    case "pipe":
      return def.in && sample(def.in);
    default:
      return undefined;
  }
}

const isBoolean = (s: z.ZodType): boolean => {
  const def = defOf(s);
  if (def.type === "boolean") return true;
  const inner = def.type === "pipe" ? def.out : ["optional", "default", "prefault", "nullable"].includes(def.type) ? def.innerType : undefined;
  return inner ? isBoolean(inner) : false;
};

/** Every optional flag switched on (includeDeleted and the like): the widest read a caller can ask for. */
export function flagsOn(p: Procedure): Record<string, true> {
  return Object.fromEntries(Object.entries(p.shape).flatMap(([k, s]) => (!isRequired(s) && isBoolean(s) ? [[k, true]] : [])));
}

const isPlainString = (s: z.ZodType): boolean => {
  const def = defOf(s);
  if (def.type === "string") return !def.format;
  const inner = def.type === "pipe" ? def.in : ["optional", "default", "prefault", "nullable"].includes(def.type) ? def.innerType : undefined;
  return inner ? isPlainString(inner) : false;
};

/** Every optional free-text field (searches like `q`) set to `term`. */
export function searchesFor(p: Procedure, term: string): Record<string, string> {
  return Object.fromEntries(Object.entries(p.shape).flatMap(([k, s]) => (!isRequired(s) && !isIdField(k) && isPlainString(s) ? [[k, term]] : [])));
}

type ProcDef = { _def: { inputs: z.ZodType[]; middlewares: unknown[]; type: Procedure["type"]; meta?: { openapi?: { summary?: string; method: string; path: string } } } };
const lastMiddleware = (p: unknown) => (p as { _def: { middlewares: unknown[] } })._def.middlewares.at(-1);
const AUTH_CHECK = lastMiddleware(protectedProcedure);
const STAFF_CHECK = lastMiddleware(staffProcedure);

/** Platform routers: everything in them is staff-only, whatever it is built on (so a downgraded procedure is caught). */
const STAFF_ROUTERS = /^(system|billing\.admin|users\.admin|inviteKeys|email\.outbox)\./;

/**
 * Staff-only: in a platform router, built on staffProcedure, or documented
 * "(staff)" because the service refuses everyone else (restoring an account or a user).
 */
function accessOf(path: string, def: ProcDef["_def"]): Access {
  if (STAFF_ROUTERS.test(path) || def.middlewares.includes(STAFF_CHECK) || /\(staff\)/.test(def.meta?.openapi?.summary ?? "")) return "staff";
  return def.middlewares.includes(AUTH_CHECK) ? "protected" : "public";
}

export function allProcedures(): Procedure[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcDef>;
  return Object.entries(procedures).map(([path, { _def }]) => ({
    path,
    type: _def.type,
    shape: Object.assign({}, ...(_def.inputs.map((i) => defOf(i).shape ?? {}) as object[])) as Record<string, z.ZodType>,
    access: accessOf(path, _def),
    summary: _def.meta?.openapi?.summary ?? "",
    hasInput: _def.inputs.some((i) => defOf(i).type !== "void"),
    rest: _def.meta?.openapi && { method: _def.meta.openapi.method, path: _def.meta.openapi.path },
  }));
}

export const takesIds = (p: Procedure) => Object.keys(p.shape).some(isIdField);
export const requiredIds = (p: Procedure) => Object.keys(p.shape).filter((k) => isIdField(k) && isRequired(p.shape[k] as z.ZodType));

/** Ids that sit inside a nested input, where the walk above can't see them. */
const NESTED_IDS: Record<string, (idFor: (kind: Kind, key: string) => string) => Record<string, unknown>> = {
  "jobs.create": (idFor) => ({ type: "document_analysis", input: { documentId: idFor("document", "documentId") } }),
};

/**
 * The input for a call: every id field (optional ones too, so they are tested)
 * from `idFor`, required other fields sampled. Unknown id kinds are reported.
 */
export function buildInput(p: Procedure, idFor: (kind: Kind, key: string) => string, unknown: string[] = []): Record<string, unknown> | undefined {
  if (!p.hasInput) return undefined;
  const input: Record<string, unknown> = { ...NESTED_IDS[p.path]?.(idFor) };
  for (const [key, schema] of Object.entries(p.shape)) {
    if (isIdField(key)) {
      const kind = kindOf(p.path, key);
      if (kind) input[key] = idFor(kind, key);
      else unknown.push(`${p.path}: ${key}`);
    } else if (!(key in input) && isRequired(schema)) input[key] = sample(schema);
  }
  return input;
}
