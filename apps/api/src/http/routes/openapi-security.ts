import type { OpenApiMeta } from "trpc-to-openapi";
import type { generateOpenApiDocument } from "trpc-to-openapi";
import { needsSession } from "../../trpc/init.js";
import { appRouter } from "../../trpc/root.js";

type Document = ReturnType<typeof generateOpenApiDocument>;
type Operation = { security?: unknown[] };
type PathItem = Partial<Record<string, Operation>>;

/** The generator's path key for a procedure's REST path (`/auth/token/` → `/auth/token`). */
export const documentPathOf = (path: string) => `/${path.replace(/^\/|\/$/g, "")}`;

/**
 * trpc-to-openapi declares bearer security on every procedure unless its meta
 * says `protect: false`, which a new public procedure would forget. Here the
 * procedure chain decides: whatever runs without the session check (login,
 * token, signup, password reset, email confirmation, invitation preview) gets
 * `security: []`, so generated clients and validating proxies let it through.
 * Hand-documented routes that declare no security (the Stripe webhook, signed
 * file links) are public too, and say so the same way.
 */
export function markPublicOperations(doc: Document): Document {
  const paths = (doc.paths ?? {}) as Record<string, PathItem>;
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: OpenApiMeta } }>;
  for (const procedure of Object.values(procedures)) {
    const openapi = procedure._def.meta?.openapi;
    if (!openapi || needsSession(procedure)) continue;
    const operation = paths[documentPathOf(openapi.path)]?.[openapi.method.toLowerCase()];
    if (operation) operation.security = [];
  }
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      if (operation && typeof operation === "object" && !operation.security) operation.security = [];
    }
  }
  return doc;
}
