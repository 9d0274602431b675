import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Router, type Request, type Response } from "express";
import { stringify } from "csv-stringify";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { Logger } from "@atrium/config";
import { auditService, toActor, ZAuditEventFilters, type TAuditEvent } from "@atrium/core";
import type { Context } from "../trpc/context.js";
import { fieldErrorsFromCause, fieldErrorsOf, toTRPCError } from "../trpc/errors.js";
import { enforceRateLimit } from "../trpc/rate-limit.middleware.js";

/** Mounted under /api. A file download can't be a JSON procedure, so it is a plain route with the same auth and limits. */
export const AUDIT_EXPORT_PATH = "/admin/audit-events/export.csv";
const PROCEDURE_NAME = "audit.export";

const COLUMNS = ["occurredAt", "eventType", "actorUsername", "actorId", "targetType", "targetId", "accountId", "ipAddress", "userAgent", "details"] as const;

/** A cell a spreadsheet would run as a formula gets a leading quote (usernames and user agents are user-chosen). */
const safeCell = (v: string | null) => (v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ""));

const toRecord = (e: TAuditEvent) => ({
  occurredAt: e.occurredAt,
  eventType: e.eventType,
  actorUsername: safeCell(e.actorUsername),
  actorId: e.actorId ?? "",
  targetType: e.targetType ?? "",
  targetId: safeCell(e.targetId),
  accountId: e.accountId ?? "",
  ipAddress: e.ipAddress ?? "",
  userAgent: safeCell(e.userAgent),
  details: JSON.stringify(e.details),
});

/** The same error body the REST surface sends for a failed procedure. */
function sendError(res: Response, error: TRPCError) {
  const status = getHTTPStatusCodeFromError(error);
  const fieldErrors = fieldErrorsFromCause(error.cause) ?? null;
  const message = status >= 500 ? "Internal server error" : error.message;
  res.status(status).json({ message, code: error.code, data: { code: error.code, httpStatus: status, path: PROCEDURE_NAME, fieldErrors } });
}

type CreateContext = (opts: { req: Request; res: Response }) => Promise<Context>;

export function auditExportRoutes(createContext: CreateContext, logger: Logger): Router {
  const r = Router();
  r.get(AUDIT_EXPORT_PATH, async (req, res) => {
    let rows: AsyncIterable<TAuditEvent>;
    let ctx: Context | undefined;
    try {
      ctx = await createContext({ req, res });
      if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Authentication required" });
      await enforceRateLimit(ctx, PROCEDURE_NAME, async () => req.query);
      const parsed = ZAuditEventFilters.safeParse(req.query);
      if (!parsed.success) {
        const fields = fieldErrorsOf(parsed.error);
        const detail = Object.entries(fields).map(([k, v]) => `${k}: ${v.join(", ")}`);
        throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid input: ${detail.join("; ")}`, cause: parsed.error });
      }
      rows = await auditService.exportAuditEvents(ctx.svc, toActor(ctx.auth.user), parsed.data);
    } catch (e) {
      const error = e instanceof TRPCError ? e : (toTRPCError(e) ?? new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: e }));
      if (error.code === "INTERNAL_SERVER_ERROR") (ctx?.logger ?? logger).error({ err: e }, "audit export failed");
      return sendError(res, error);
    }

    const date = ctx.svc.now().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="audit-events-${date}.csv"`);
    res.setHeader("Cache-Control", "no-store");
    try {
      // Streamed batch by batch: memory stays flat however many rows match.
      await pipeline(Readable.from(mapRows(rows)), stringify({ header: true, columns: [...COLUMNS] }), res);
    } catch (err) {
      // Headers are gone by now; the truncated download is the only signal left, so log it.
      ctx.logger.error({ err }, "audit export stream failed");
    }
  });
  return r;
}

async function* mapRows(rows: AsyncIterable<TAuditEvent>) {
  for await (const e of rows) yield toRecord(e);
}

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
