import type { Request } from "express";
import type { AnyRouter } from "@trpc/server";
import { forEachOpenApiProcedure, getPathRegExp, normalizePath, type OpenApiRouter } from "trpc-to-openapi";

interface RestRoutes {
  /** Paths without parameters: one map lookup. */
  exact: Map<string, string>;
  /** Paths with `{param}`s, matched the way trpc-to-openapi matches them. */
  patterns: Array<[RegExp, string]>;
}

/**
 * Names the route a request took as a template (`/api/api-keys/{id}/`,
 * `/trpc/auth.me`, `/api/documents/:id/download/`), never the raw URL: ids and
 * tokens stay out of metric labels, and the label set stays finite whatever
 * URLs clients send. Built once per app; a lookup is a map hit or a short regex scan.
 */
export function createRouteLabeler(router: AnyRouter): (req: Request) => string {
  const rest = new Map<string, RestRoutes>();
  forEachOpenApiProcedure((router as OpenApiRouter)._def.procedures, ({ meta: { openapi } }) => {
    const path = normalizePath(openapi.path);
    const routes: RestRoutes = rest.get(openapi.method) ?? { exact: new Map(), patterns: [] };
    rest.set(openapi.method, routes);
    const template = `/api${path}/`;
    if (path.includes("{")) routes.patterns.push([getPathRegExp(path), template]);
    else routes.exact.set(path.toLowerCase(), template);
  });
  const procedures = new Set(Object.keys(router._def.procedures));

  return (req) => {
    // Plain express routes (health, uploads, downloads, webhooks, /metrics) know their own template.
    const routePath: unknown = req.route?.path;
    if (routePath !== undefined) return `${req.baseUrl}${Array.isArray(routePath) ? String(routePath[0]) : String(routePath)}`;
    const url = req.originalUrl;
    const q = url.indexOf("?");
    const pathname = q === -1 ? url : url.slice(0, q);
    if (pathname.startsWith("/trpc/")) {
      const name = pathname.slice(6);
      if (procedures.has(name)) return `/trpc/${name}`;
      return name.includes(",") ? "/trpc/(batch)" : "/trpc/(unknown)";
    }
    if (pathname.startsWith("/api/")) {
      const routes = rest.get(req.method);
      const path = normalizePath(pathname.slice(4));
      const exact = routes?.exact.get(path.toLowerCase());
      if (exact) return exact;
      for (const [re, template] of routes?.patterns ?? []) if (re.test(path)) return template;
      return "/api/(unmatched)";
    }
    return "(other)";
  };
}
