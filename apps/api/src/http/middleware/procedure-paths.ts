import type { Request } from "express";
import type { OpenApiMeta } from "trpc-to-openapi";
import { appRouter } from "../../trpc/root.js";

export type Surface = "trpc" | "rest";

interface RestRoute {
  method: string;
  pattern: RegExp;
  procedure: string;
}

/** Every procedure's REST route, read from the router itself so new procedures are covered the day they land. */
const restRoutes: RestRoute[] = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: OpenApiMeta } }>).flatMap(
  ([procedure, p]) => {
    const openapi = p._def.meta?.openapi;
    if (!openapi) return [];
    const body = openapi.path
      .replace(/\/+$/, "")
      .split("/")
      .map((seg) => (/^\{.+\}$/.test(seg) ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/");
    return [{ method: openapi.method, pattern: new RegExp(`^${body}/?$`), procedure }];
  },
);

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
  const route = restRoutes.find((r) => r.method === req.method && r.pattern.test(req.path));
  return route ? [route.procedure] : [];
}
