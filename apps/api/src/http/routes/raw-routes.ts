import { auditExportRoute } from "./audit-export.js";
import { backupDownloadRoute } from "./backup-download.js";
import { dataExportRoute } from "./data-export.js";
import { dataRestoreRoute } from "./data-restore.js";
import { documentDownloadRoute } from "./document-download.js";
import { documentUploadRoute } from "./document-upload.js";
import { eventStreamRoute } from "./event-stream.js";
import { ledgerExportRoute } from "./ledger-export.js";
import { localCheckoutRoutes } from "./local-checkout.js";
import type { Access, RawRoute } from "./raw-route.js";
import { stripeWebhookRoute } from "./stripe-webhook.js";
import { RECRUITING_REPORT_EXPORT_ROUTES } from "./recruiting-report-export.js";

type AnyRawRoute = RawRoute<Access, unknown>;

/** Authenticated by a signature, not the session cookie: mounted before CSRF and any body parser. */
export const SIGNED_ROUTES: AnyRawRoute[] = [stripeWebhookRoute, ...localCheckoutRoutes];

/** Files in and out of the api (multipart, streamed downloads, CSV, archives): after CSRF, before the JSON procedures. */
export const SESSION_ROUTES: AnyRawRoute[] = [auditExportRoute, ledgerExportRoute, documentUploadRoute, documentDownloadRoute, dataExportRoute, dataRestoreRoute, backupDownloadRoute, eventStreamRoute, ...RECRUITING_REPORT_EXPORT_ROUTES];

/** Every raw route, for the tests that walk them. */
export const RAW_ROUTES: AnyRawRoute[] = [...SIGNED_ROUTES, ...SESSION_ROUTES];
