import { Router, type Request, type RequestHandler, type Response } from "express";
import { HEALTH_PATHS } from "../routes/health.js";
import { OPENAPI_PATHS } from "../routes/openapi.js";
import { RAW_ROUTES } from "../routes/raw-routes.js";
import { runInOrder } from "./in-order.js";
import { literalRestRoutes } from "./procedure-paths.js";

/**
 * Whether anything mounted under /api before the JSON procedures (health, the
 * OpenAPI document and Swagger UI, the signed and file routes) answers
 * `method path`, asked of an express router holding the same paths, so express
 * itself decides the matching (case, trailing slashes, wildcards).
 */
function answeredEarlier(): (method: string, path: string) => boolean {
  const probe = Router();
  let hit = false;
  const mark: RequestHandler = () => void (hit = true);
  for (const route of RAW_ROUTES) probe[route.method](route.path, mark);
  probe.get([...HEALTH_PATHS.live, ...HEALTH_PATHS.ready, OPENAPI_PATHS.document], mark);
  probe.use(OPENAPI_PATHS.docs, mark);
  return (method, path) => {
    hit = false;
    probe({ method, url: path, headers: {} } as Request, {} as Response, () => {});
    return hit;
  };
}

const keyOf = (method: string, path: string) => `${method} ${path.replace(/\/$/, "")}`;

/**
 * Mounted at /api right after the request log and response headers: a call to
 * a JSON procedure's REST path without parameters (GET /api/me/, the hottest
 * path there is) goes straight to `procedureChain` (CSRF, body guards, input
 * checks, the OpenAPI adapter: the very handlers, in the order, that serve it
 * further down the stack) instead of being matched against every router in
 * between (tRPC's, health, OpenAPI, the signed and file routes), which answer
 * none of these paths. Paths one of those does answer are left out at start-up;
 * everything else goes on down the stack as before.
 */
export function restFastPath(procedureChain: readonly RequestHandler[]): RequestHandler {
  const earlier = answeredEarlier();
  const fast = new Set(
    literalRestRoutes()
      .filter(({ method, path }) => !earlier(method, path) && !earlier(method, `${path}/`))
      .map(({ method, path }) => keyOf(method, path)),
  );
  return function restProcedures(req, res, next) {
    if (req.path.endsWith("//") || !fast.has(keyOf(req.method, req.path))) return next();
    runInOrder(procedureChain, req, res, next);
  };
}
