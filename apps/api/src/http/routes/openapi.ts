import { Router } from "express";
import swaggerUi from "swagger-ui-express";
import { generateOpenApiDocument } from "trpc-to-openapi";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { Env } from "@atrium/config";
import { appRouter } from "../../trpc/root.js";
import { auditExportOpenApiPaths } from "./audit-export.js";
import { backupDownloadOpenApiPaths } from "./backup-download.js";
import { dataExportOpenApiPaths } from "./data-export.js";
import { dataRestoreOpenApiPaths } from "./data-restore.js";
import { documentOpenApiPaths } from "./document-openapi.js";
import { eventStreamOpenApiPaths } from "./event-stream.js";
import { ledgerExportOpenApiPaths } from "./ledger-export.js";
import { recruitingReportOpenApiPaths } from "./recruiting-report-export.js";
import { markPublicOperations } from "./openapi-security.js";
import { documentRestAliases } from "../middleware/rest-field-aliases.js";
import { stripeWebhookOpenApiPaths } from "./stripe-webhook.js";

/** Every path answers with or without its trailing slash; the document names each once, without it. */
const withoutTrailingSlash = (paths: ZodOpenApiPathsObject): ZodOpenApiPathsObject => Object.fromEntries(Object.entries(paths).map(([p, op]) => [p.replace(/(.)\/$/, "$1"), op]));

export function buildOpenApiDocument(config: Env) {
  const doc = generateOpenApiDocument(appRouter, {
    title: "Atrium API",
    description: "REST surface of Atrium. Every operation is also a tRPC procedure at /trpc. Paths are unversioned under /api/ and change only additively; /api/v1/<path> answers exactly as /api/<path>.",
    version: "0.1.0",
    baseUrl: `${config.PUBLIC_URL.replace(/\/$/, "")}/api`,
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "A session token from POST /api/auth/token/ or an API key (atr_...)" },
    },
    // Plain express routes (not procedures) documented by hand, written the way the generator writes procedures' paths.
    paths: withoutTrailingSlash({ ...auditExportOpenApiPaths, ...ledgerExportOpenApiPaths, ...stripeWebhookOpenApiPaths, ...documentOpenApiPaths, ...dataExportOpenApiPaths, ...dataRestoreOpenApiPaths, ...backupDownloadOpenApiPaths, ...eventStreamOpenApiPaths, ...recruitingReportOpenApiPaths }),
  });
  return documentRestAliases(markPublicOperations(doc));
}

/** Where the document (GET) and Swagger UI (any method, and everything below it) answer, under /api. */
export const OPENAPI_PATHS = { document: "/openapi.json", docs: "/docs" };

export function openApiRoutes(config: Env): Router {
  const doc = buildOpenApiDocument(config);
  const r = Router();
  r.get(OPENAPI_PATHS.document, (_req, res) => {
    res.json(doc);
  });
  r.use(OPENAPI_PATHS.docs, swaggerUi.serve, swaggerUi.setup(doc, { customSiteTitle: "Atrium API" }));
  return r;
}
