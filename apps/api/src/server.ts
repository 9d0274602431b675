import express, { type ErrorRequestHandler } from "express";
import cors from "cors";
import helmet from "helmet";
import { randomUUID } from "node:crypto";
import { pinoHttp } from "pino-http";
import * as trpcExpress from "@trpc/server/adapters/express";
import { createOpenApiExpressMiddleware } from "trpc-to-openapi";
import type { ApiDeps } from "./deps.js";
import { auditExportRoutes } from "./http/audit-export.js";
import { documentDownloadRoutes } from "./http/document-download.js";
import { documentUploadRoutes } from "./http/document-upload.js";
import { healthRoutes } from "./http/health.js";
import { ledgerExportRoutes } from "./http/ledger-export.js";
import { localCheckoutRoutes } from "./http/local-checkout.js";
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
  if (config.TRUST_PROXY) app.set("trust proxy", true);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url?.startsWith("/api/healthz") ?? false },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(
    helmet({
      hsts: config.NODE_ENV === "production",
      contentSecurityPolicy: { directives: { "script-src": ["'self'", "'unsafe-inline'"], "upgrade-insecure-requests": null } },
    }),
  );
  // Cross-origin clients (the SDK in a browser) must be able to read how long to back off, and the export's file name.
  app.use(cors({ origin: config.CORS_ORIGINS, credentials: true, exposedHeaders: ["Retry-After", "Content-Disposition"] }));

  const createContext = createContextFactory(deps);
  const onError = ({ error, path: p }: { error: { code: string; message: string; cause?: unknown }; path?: string }) => {
    if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path: p }, "procedure failed");
  };

  app.use("/trpc", trpcExpress.createExpressMiddleware({ router: appRouter, createContext, onError }));
  app.use("/api", healthRoutes(deps));
  // Before any body parser: the webhook verifies Stripe's signature over the raw bytes.
  app.use("/api", stripeWebhookRoutes(deps));
  app.use("/api", localCheckoutRoutes(deps));
  app.use("/api", openApiRoutes(config));
  app.use("/api", auditExportRoutes(createContext, logger));
  app.use("/api", ledgerExportRoutes(createContext, logger));
  // Multipart and signed-link file routes: plain express, before the JSON procedures.
  app.use("/api", documentUploadRoutes(createContext, logger));
  app.use("/api", documentDownloadRoutes(createContext, logger));
  app.use("/api", emptyBodyIsJson, createOpenApiExpressMiddleware({ router: appRouter, createContext, onError }));
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
