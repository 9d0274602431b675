import express, { type ErrorRequestHandler } from "express";
import * as trpcExpress from "@trpc/server/adapters/express";
import { createOpenApiExpressMiddleware } from "trpc-to-openapi";
import type { ApiDeps } from "./deps.js";
import { chargeAuthBudgetFirst } from "./http/middleware/auth-budget.js";
import { readJsonBody, refuseUnboundedBodies } from "./http/middleware/body-limits.js";
import { csrfProtection } from "./http/middleware/csrf.js";
import type { Surface } from "./http/middleware/procedure-paths.js";
import { allowedHosts, httpsRedirect } from "./http/middleware/host-guards.js";
import { createRateLimits } from "./http/middleware/rate-limit.js";
import { requestLogger } from "./http/middleware/request-log.js";
import { restAliases } from "./http/middleware/rest-aliases.js";
import { restFastPath } from "./http/middleware/rest-fast-path.js";
import { inOrder } from "./http/middleware/in-order.js";
import { restInputs } from "./http/middleware/rest-inputs.js";
import { responseHeaders } from "./http/middleware/security-headers.js";
import { sendSurfaceError } from "./http/middleware/surface-errors.js";
import { healthRoutes } from "./http/routes/health.js";
import { metricsRoutes, requestTiming } from "./http/routes/metrics.js";
import { openApiRoutes } from "./http/routes/openapi.js";
import { mountRawRoutes } from "./http/routes/raw-route.js";
import { SESSION_ROUTES, SIGNED_ROUTES } from "./http/routes/raw-routes.js";
import { spaRoutes } from "./http/routes/spa.js";
import { createContextFactory } from "./trpc/context.js";
import { appRouter } from "./trpc/root.js";

/** Statuses body parsers and express itself raise, as the error codes our bodies carry. */
const CODE_OF_STATUS: Record<number, Parameters<typeof sendSurfaceError>[3]> = { 404: "NOT_FOUND", 413: "PAYLOAD_TOO_LARGE", 415: "UNSUPPORTED_MEDIA_TYPE" };

/** `curl -X POST /api/auth/logout/` carries no body and no content-type; treat it as JSON `{}`. */
const emptyBodyIsJson: express.RequestHandler = (req, _res, next) => {
  const noBody = !req.headers["content-type"] && !req.headers["transfer-encoding"] && Number(req.headers["content-length"] ?? 0) === 0;
  if (noBody && ["POST", "PUT", "PATCH", "DELETE"].includes(req.method)) req.headers["content-type"] = "application/json";
  next();
};

/** The whole HTTP surface: tRPC at /trpc, REST + docs + health at /api, and optionally the built SPA. */
export function createApp(deps: ApiDeps): express.Express {
  const { config, logger } = deps;
  const app = express();
  app.disable("x-powered-by");
  // A hop count or proxy addresses, never `true` (the config refuses it): req.ip is then the address the last trusted proxy saw.
  if (config.TRUST_PROXY !== false) app.set("trust proxy", config.TRUST_PROXY);
  // What every request passes first, each as one express layer (see inOrder): the Host checks, the seed's path
  // aliases rewritten before anything reads the path, and the request timer, which must see every request.
  app.use(inOrder("requestGuards", [allowedHosts(config), httpsRedirect(config), restAliases, requestTiming(deps)]));
  app.use(metricsRoutes(deps));
  // The request log (id, X-Request-Id) and helmet + cors, precomputed into one middleware (see responseHeaders).
  app.use(inOrder("requestLogAndHeaders", [requestLogger(logger), responseHeaders(config)]));

  const rateLimits = createRateLimits(config, deps.redis, logger);
  const createContext = createContextFactory(deps, rateLimits);
  const maxBodySize = config.MAX_JSON_BODY_BYTES;
  // Before either adapter touches a body: size and encoding from the headers, then the auth budget, then a bounded read.
  const bodyGuards = (surface: Surface) => [
    refuseUnboundedBodies(maxBodySize, surface),
    chargeAuthBudgetFirst(rateLimits, surface),
    readJsonBody(maxBodySize, surface),
  ];
  const onError = ({ error, path: p }: { error: { code: string; message: string; cause?: unknown }; path?: string }) => {
    if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path: p }, "procedure failed");
  };

  const restCsrf = csrfProtection(config, "rest");
  const restProcedures = [...bodyGuards("rest"), emptyBodyIsJson, restInputs, createOpenApiExpressMiddleware({ router: appRouter, createContext, onError, maxBodySize })];
  // The JSON procedures' REST paths without parameters skip the routers below that never answer them (see restFastPath).
  app.use("/api", restFastPath([restCsrf, ...restProcedures]));

  app.use("/trpc", csrfProtection(config, "trpc"), ...bodyGuards("trpc"), trpcExpress.createExpressMiddleware({ router: appRouter, createContext, onError, maxBodySize }));
  app.use("/api", healthRoutes(deps));
  // Before any body parser: the webhook verifies Stripe's signature over the raw bytes.
  app.use("/api", mountRawRoutes(SIGNED_ROUTES, createContext, logger));
  app.use("/api", openApiRoutes(config));
  // Everything below may act on the session cookie; the webhook and local checkout above authenticate by signature.
  app.use("/api", restCsrf);
  // Multipart, streamed files, CSV and archives: the procedures' pipeline, as plain express routes before the JSON ones.
  app.use("/api", mountRawRoutes(SESSION_ROUTES, createContext, logger));
  app.use("/api", ...restProcedures);
  app.use("/api", (req, res) => sendSurfaceError(req, res, "rest", "NOT_FOUND", "Not found"));

  if (config.WEB_DIST_DIR) app.use(spaRoutes(config.WEB_DIST_DIR));

  const jsonErrors: ErrorRequestHandler = (err, req, res, _next) => {
    const status = typeof err?.status === "number" && err.status < 500 ? err.status : 500;
    if (status >= 500) req.log?.error({ err }, "unhandled error");
    const code = status >= 500 ? "INTERNAL_SERVER_ERROR" : (CODE_OF_STATUS[status] ?? "BAD_REQUEST");
    sendSurfaceError(req, res, "rest", code, status >= 500 ? "Internal server error" : String(err.message));
  };
  app.use(jsonErrors);
  return app;
}
