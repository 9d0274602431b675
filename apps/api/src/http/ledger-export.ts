import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { Router } from "express";
import type { z } from "zod";
import type { Logger } from "@atrium/config";
import { csvExportRoute } from "./csv-export.js";
import { billingAdminService, LEDGER_EXPORT_MAX_ROWS, ZLedgerExportFilters, type LedgerExportRow } from "@atrium/core";

/** Mounted under /api; a file download, so a plain route with the procedures' auth, limits and error shape. */
export const LEDGER_EXPORT_PATH = "/billing/admin/ledger/export.csv";
const PROCEDURE_NAME = "billing.admin.exportLedger";

const COLUMNS = [
  "createdAt",
  "accountId",
  "accountName",
  "type",
  "amountCents",
  "balanceAfterCents",
  "currency",
  "reason",
  "actorUsername",
  "relatedType",
  "relatedId",
  "idempotencyKey",
  "id",
] as const;

const toRecord = (e: LedgerExportRow) => ({
  createdAt: e.createdAt.toISOString(),
  accountId: e.accountId,
  accountName: e.accountName,
  type: e.type,
  amountCents: String(e.amountCents),
  balanceAfterCents: String(e.balanceAfterCents),
  currency: e.currency,
  reason: e.reason ?? "",
  actorUsername: e.actorUsername ?? "",
  relatedType: e.relatedType ?? "",
  relatedId: e.relatedId ?? "",
  idempotencyKey: e.idempotencyKey ?? "",
  id: e.id,
});

export function ledgerExportRoutes(createContext: Parameters<typeof csvExportRoute>[1], logger: Logger): Router {
  return csvExportRoute<z.output<typeof ZLedgerExportFilters>, LedgerExportRow>(
    {
      path: LEDGER_EXPORT_PATH,
      procedureName: PROCEDURE_NAME,
      filters: ZLedgerExportFilters,
      columns: COLUMNS,
      filename: (date) => `ledger-${date}.csv`,
      load: (ctx, actor, filters) => billingAdminService.exportLedger(ctx.svc, actor, filters),
      toRecord,
    },
    createContext,
    logger,
  );
}

export const ledgerExportOpenApiPaths: ZodOpenApiPathsObject = {
  [LEDGER_EXPORT_PATH]: {
    get: {
      tags: ["billing-admin"],
      summary: `Ledger entries as CSV, oldest first (staff; at most ${LEDGER_EXPORT_MAX_ROWS} rows)`,
      security: [{ bearer: [] }],
      requestParams: { query: ZLedgerExportFilters },
      responses: {
        "200": { description: `CSV with a header row: ${COLUMNS.join(", ")}`, content: { "text/csv": { schema: { type: "string" } } } },
        "400": { description: "Invalid filter; `data.fieldErrors` names the fields" },
        "401": { description: "Not authenticated" },
        "403": { description: "Not staff" },
        "429": { description: "Rate limited; see Retry-After" },
      },
    },
  },
};
