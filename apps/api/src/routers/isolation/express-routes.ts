// Lists what the express app answers, from its own router stack, so a route added tomorrow shows up here.
import type { Express } from "express";

interface Layer {
  rawPath?: string | RegExp | string[];
  name: string;
  handle: { stack?: Layer[]; length: number };
  route?: { path: string | RegExp | string[]; methods: Record<string, boolean> };
}

const join = (prefix: string, path: string | RegExp | string[] | undefined): string =>
  Array.isArray(path) ? path.map((p) => join(prefix, p)).join("|") : prefix === "" ? String(path ?? "/") : !path || path === "/" ? prefix : `${prefix}${String(path)}`;

/**
 * One key per handler: "GET /api/healthz|/api/healthz/" for a route,
 * "USE /api <name>" for middleware mounted on a path (nameless ones numbered
 * in order, "USE /api <anonymous>#2"), walking into mounted routers.
 */
export function expressRoutes(app: Express): string[] {
  const keys: string[] = [];
  const seen = new Map<string, number>();
  const visit = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      const path = join(prefix, layer.rawPath);
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) keys.push(`${method.toUpperCase()} ${join(prefix, layer.route.path)}`);
      } else if (layer.handle.stack) {
        visit(layer.handle.stack, path === "/" ? "" : path);
      } else {
        const base = `${layer.handle.length === 4 ? "ERROR" : "USE"} ${path} ${layer.name}`;
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        keys.push(n === 1 ? base : `${base}#${n}`);
      }
    }
  };
  visit((app as unknown as { router: { stack: Layer[] } }).router.stack, "");
  return keys;
}
