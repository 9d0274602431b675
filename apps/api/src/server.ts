import express, { type ErrorRequestHandler } from "express";
import * as trpcExpress from "@trpc/server/adapters/express";
import { createOpenApiExpressMiddleware } from "trpc-to-openapi";
import type { ApiDeps } from "./deps.js";
import { auditExportRoutes } from "./http/audit-export.js";
import { chargeAuthBudgetFirst } from "./http/auth-budget.js";
import { readJsonBody, refuseUnboundedBodies } from "./http/body-limits.js";
import { csrfProtection } from "./http/csrf.js";
import type { Surface } from "./http/procedure-paths.js";
import { allowedHosts, httpsRedirect } from "./http/host-guards.js";
import { createRateLimits } from "./http/rate-limit.js";
import { requestLogger } from "./http/request-log.js";
import { restAliases } from "./http/rest-aliases.js";
import { responseHeaders } from "./http/security-headers.js";
import { backupDownloadRoutes } from "./http/backup-download.js";
import { dataExportRoutes } from "./http/data-export.js";
import { dataRestoreRoutes } from "./http/data-restore.js";
import { documentDownloadRoutes } from "./http/document-download.js";
import { documentUploadRoutes } from "./http/document-upload.js";
import { healthRoutes } from "./http/health.js";
import { ledgerExportRoutes } from "./http/ledger-export.js";
import { localCheckoutRoutes } from "./http/local-checkout.js";
import { metricsRoutes } from "./http/metrics.js";
import { stripeWebhookRoutes } from "./http/stripe-webhook.js";
import { openApiRoutes } from "./http/openapi.js";
import { spaRoutes } from "./http/spa.js";
import { createContextFactory } from "./trpc/context.js";
import { appRouter } from "./trpc/root.js";

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
  app.use(allowedHosts(config), httpsRedirect(config));
  app.use(restAliases);
  app.use(metricsRoutes(deps));

  app.use(requestLogger(logger));
  // helmet + cors, precomputed into one middleware (see responseHeaders).
  app.use(responseHeaders(config));

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

  app.use("/trpc", csrfProtection(config, "trpc"), ...bodyGuards("trpc"), trpcExpress.createExpressMiddleware({ router: appRouter, createContext, onError, maxBodySize }));
  app.use("/api", healthRoutes(deps));
  // Before any body parser: the webhook verifies Stripe's signature over the raw bytes.
  app.use("/api", stripeWebhookRoutes(deps));
  app.use("/api", localCheckoutRoutes(deps));
  app.use("/api", openApiRoutes(config));
  // Everything below may act on the session cookie; the webhook and local checkout above authenticate by signature.
  app.use("/api", csrfProtection(config, "rest"));
  app.use("/api", auditExportRoutes(createContext, logger));
  app.use("/api", ledgerExportRoutes(createContext, logger));
  // Multipart and signed-link file routes: plain express, before the JSON procedures.
  app.use("/api", documentUploadRoutes(createContext, logger));
  app.use("/api", documentDownloadRoutes(createContext, logger));
  // Tenant archives: a streamed gzip download and a raw-body restore with its own size caps.
  app.use("/api", dataExportRoutes(createContext, logger));
  app.use("/api", dataRestoreRoutes(createContext, logger));
  app.use("/api", backupDownloadRoutes(createContext, logger));
  app.use("/api", ...bodyGuards("rest"), emptyBodyIsJson, createOpenApiExpressMiddleware({ router: appRouter, createContext, onError, maxBodySize }));
  app.use("/api", (_req, res) => {
    res.status(404).json({ message: "Not found", code: "NOT_FOUND" });
  });

  if (config.WEB_DIST_DIR) app.use(spaRoutes(config.WEB_DIST_DIR));

  const jsonErrors: ErrorRequestHandler = (err, req, res, _next) => {
    const status = typeof err?.status === "number" && err.status < 500 ? err.status : 500;
    if (status >= 500) req.log?.error({ err }, "unhandled error");
    res.status(status).json({ message: status >= 500 ? "Internal server error" : String(err.message), code: status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" });
  };
  app.use(jsonErrors);
  return app;
}
