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
 * "USE /api <name>" for named middleware mounted on a path, walking into
 * mounted routers. Nameless middleware can't be told apart, so they are
 * counted per path: "USE /api <anonymous> x2". Adding one changes the count.
 */
export function expressRoutes(app: Express): string[] {
  const keys: string[] = [];
  const anonymous = new Map<string, number>();
  const visit = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      const path = join(prefix, layer.rawPath);
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) keys.push(`${method.toUpperCase()} ${join(prefix, layer.route.path)}`);
      } else if (layer.handle.stack) {
        visit(layer.handle.stack, path === "/" ? "" : path);
      } else if (layer.name === "<anonymous>") {
        anonymous.set(path, (anonymous.get(path) ?? 0) + 1);
      } else {
        keys.push(`${layer.handle.length === 4 ? "ERROR" : "USE"} ${path} ${layer.name}`);
      }
    }
  };
  visit((app as unknown as { router: { stack: Layer[] } }).router.stack, "");
  return [...keys, ...[...anonymous].map(([path, n]) => `USE ${path} <anonymous> x${n}`)];
}
