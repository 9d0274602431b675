import type { Request } from "express";
import type { OpenApiMeta } from "trpc-to-openapi";
import { appRouter } from "../../trpc/root.js";

export type Surface = "trpc" | "rest";

interface RestRoute {
  method: string;
  pattern: RegExp;
  procedure: string;
  /** The path without its trailing slash when it has no parameters. */
  literal: string | null;
}

/** Every procedure's REST route, read from the router itself so new procedures are covered the day they land. */
const restRoutes: RestRoute[] = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: OpenApiMeta } }>).flatMap(
  ([procedure, p]) => {
    const openapi = p._def.meta?.openapi;
    if (!openapi) return [];
    const trimmed = openapi.path.replace(/\/+$/, "");
    const body = trimmed
      .split("/")
      .map((seg) => (/^\{.+\}$/.test(seg) ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/");
    return [{ method: openapi.method, pattern: new RegExp(`^${body}/?$`), procedure, literal: trimmed.includes("{") ? null : trimmed }];
  },
);

// Runs on every REST request (twice: the auth budget, the input check), so a path without parameters is one map
// hit instead of a regex scan over every route; routes with parameters keep the scan. Declaration order still
// decides, as in the scan: a parameter route declared before a literal one it also matches wins.
const keyOf = (method: string, path: string) => `${method} ${path.replace(/\/$/, "")}`;
const exactRoutes = new Map<string, number>();
const patternRoutes: number[] = [];
restRoutes.forEach((r, i) => {
  if (r.literal === null) patternRoutes.push(i);
  else if (!exactRoutes.has(keyOf(r.method, r.literal))) exactRoutes.set(keyOf(r.method, r.literal), i);
});

/** The REST routes without parameters, as `{method, path}` (path without its trailing slash). */
export const literalRestRoutes = (): Array<{ method: string; path: string }> =>
  restRoutes.flatMap((r) => (r.literal === null ? [] : [{ method: r.method, path: r.literal }]));

function restRouteOf(method: string, path: string): RestRoute | undefined {
  const exact = path.endsWith("//") ? undefined : exactRoutes.get(keyOf(method, path));
  for (const i of patternRoutes) {
    if (exact !== undefined && i > exact) break;
    const r = restRoutes[i];
    if (r && r.method === method && r.pattern.test(path)) return r;
  }
  return exact === undefined ? undefined : restRoutes[exact];
}

/**
 * The procedures a request will run, known from its URL alone (before its body
 * is read): `/trpc/a.b,c.d` names them, a REST path matches one route.
 * `req.path` is relative to where the surface is mounted.
 */
export function procedurePathsOf(req: Request, surface: Surface): string[] {
  if (surface === "trpc") {
    const raw = req.path.replace(/^\//, "");
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      // A malformed escape names no procedure; tRPC answers it with its own 404.
    }
    return decoded.split(",").filter(Boolean);
  }
  const route = restRouteOf(req.method, req.path);
  return route ? [route.procedure] : [];
}
