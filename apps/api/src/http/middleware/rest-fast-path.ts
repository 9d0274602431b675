import { Router, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { HEALTH_PATHS } from "../routes/health.js";
import { OPENAPI_PATHS } from "../routes/openapi.js";
import { RAW_ROUTES } from "../routes/raw-routes.js";
import { literalRestRoutes } from "./procedure-paths.js";

/** Runs connect-style handlers in order, as express would run them as separate layers; an error or the end goes to `done`. */
function runChain(handlers: readonly RequestHandler[], req: Request, res: Response, done: NextFunction): void {
  let i = 0;
  const next = (err?: unknown) => {
    if (err) return done(err);
    const handler = handlers[i++];
    if (!handler) return done();
    try {
      const result: unknown = handler(req, res, next);
      if (result instanceof Promise) result.catch(done);
    } catch (e) {
      done(e);
    }
  };
  next();
}

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
    runChain(procedureChain, req, res, next);
  };
}
