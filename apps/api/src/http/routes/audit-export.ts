import type { ZodOpenApiPathsObject } from "zod-openapi";
import { csvExportRoute } from "./csv-export.js";
import { auditService, ZAuditEventFilters, type TAuditEvent } from "@atrium/core";

/** Mounted under /api. A file download can't be a JSON procedure, so it is a plain route with the same auth and limits. */
export const AUDIT_EXPORT_PATH = "/admin/audit-events/export.csv";
const PROCEDURE_NAME = "audit.export";

const COLUMNS = ["occurredAt", "eventType", "actorUsername", "actorId", "targetType", "targetId", "accountId", "ipAddress", "userAgent", "details"] as const;

const toRecord = (e: TAuditEvent) => ({
  occurredAt: e.occurredAt,
  eventType: e.eventType,
  actorUsername: e.actorUsername ?? "",
  actorId: e.actorId ?? "",
  targetType: e.targetType ?? "",
  targetId: e.targetId ?? "",
  accountId: e.accountId ?? "",
  ipAddress: e.ipAddress ?? "",
  userAgent: e.userAgent ?? "",
  details: JSON.stringify(e.details),
});

export const auditExportRoute = csvExportRoute({
  path: AUDIT_EXPORT_PATH,
  procedure: PROCEDURE_NAME,
  access: "user",
  filters: ZAuditEventFilters,
  columns: COLUMNS,
  filename: (date) => `audit-events-${date}.csv`,
  load: (ctx, actor, filters) => auditService.exportAuditEvents(ctx.svc, actor, filters),
  toRecord,
});

/** The export as documented in /api/openapi.json, next to the procedures. */
export const auditExportOpenApiPaths: ZodOpenApiPathsObject = {
  [AUDIT_EXPORT_PATH]: {
    get: {
      tags: ["audit"],
      summary: `Audit events as CSV (same filters as the list, no paging, at most ${auditService.AUDIT_EXPORT_MAX_ROWS} rows)`,
      security: [{ bearer: [] }],
      requestParams: { query: ZAuditEventFilters },
      responses: {
        "200": {
          description: `CSV with a header row: ${COLUMNS.join(", ")} (details as JSON)`,
          content: { "text/csv": { schema: { type: "string" } } },
        },
        "400": { description: "Invalid filter; `data.fieldErrors` names the fields" },
        "401": { description: "Not authenticated" },
        "403": { description: "Neither staff nor an admin of any tenant" },
        "429": { description: "Rate limited; see Retry-After" },
      },
    },
  },
};
