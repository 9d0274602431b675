import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Router, type Request, type Response } from "express";
import { stringify } from "csv-stringify";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { Logger } from "@atrium/config";
import { billingAdminService, LEDGER_EXPORT_MAX_ROWS, toActor, ZLedgerExportFilters, type LedgerExportRow } from "@atrium/core";
import type { Context } from "../trpc/context.js";
import { fieldErrorsFromCause, fieldErrorsOf, toTRPCError } from "../trpc/errors.js";
import { enforceRateLimit } from "../trpc/rate-limit.middleware.js";

/** Mounted under /api; a file download, so a plain route with the procedures' auth, limits and error shape. */
export const LEDGER_EXPORT_PATH = "/billing/admin/ledger/export.csv";
const PROCEDURE_NAME = "billingAdmin.exportLedger";

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

/** A cell a spreadsheet would run as a formula gets a leading quote (reasons and names are typed by people). */
const safeCell = (v: string | null) => (v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ""));

const toRecord = (e: LedgerExportRow) => ({
  createdAt: e.createdAt.toISOString(),
  accountId: e.accountId,
  accountName: safeCell(e.accountName),
  type: e.type,
  // Numbers stay numbers: a leading minus here is money, not a formula.
  amountCents: String(e.amountCents),
  balanceAfterCents: String(e.balanceAfterCents),
  currency: e.currency,
  reason: safeCell(e.reason),
  actorUsername: safeCell(e.actorUsername),
  relatedType: safeCell(e.relatedType),
  relatedId: safeCell(e.relatedId),
  idempotencyKey: safeCell(e.idempotencyKey),
  id: e.id,
});

function sendError(res: Response, error: TRPCError) {
  const status = getHTTPStatusCodeFromError(error);
  const fieldErrors = fieldErrorsFromCause(error.cause) ?? null;
  const message = status >= 500 ? "Internal server error" : error.message;
  res.status(status).json({ message, code: error.code, data: { code: error.code, httpStatus: status, path: PROCEDURE_NAME, fieldErrors } });
}

type CreateContext = (opts: { req: Request; res: Response }) => Promise<Context>;

export function ledgerExportRoutes(createContext: CreateContext, logger: Logger): Router {
  const r = Router();
  r.get(LEDGER_EXPORT_PATH, async (req, res) => {
    let rows: AsyncIterable<LedgerExportRow>;
    let ctx: Context | undefined;
    try {
      ctx = await createContext({ req, res });
      if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Authentication required" });
      await enforceRateLimit(ctx, PROCEDURE_NAME, async () => req.query);
      const parsed = ZLedgerExportFilters.safeParse(req.query);
      if (!parsed.success) {
        const detail = Object.entries(fieldErrorsOf(parsed.error)).map(([k, v]) => `${k}: ${v.join(", ")}`);
        throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid input: ${detail.join("; ")}`, cause: parsed.error });
      }
      rows = await billingAdminService.exportLedger(ctx.svc, toActor(ctx.auth.user), parsed.data);
    } catch (e) {
      const error = e instanceof TRPCError ? e : (toTRPCError(e) ?? new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: e }));
      if (error.code === "INTERNAL_SERVER_ERROR") (ctx?.logger ?? logger).error({ err: e }, "ledger export failed");
      return sendError(res, error);
    }

    const date = ctx.svc.now().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="ledger-${date}.csv"`);
    res.setHeader("Cache-Control", "no-store");
    try {
      await pipeline(Readable.from(mapRows(rows)), stringify({ header: true, columns: [...COLUMNS] }), res);
    } catch (err) {
      // Headers are gone by now; the truncated download is the only signal left, so log it.
      ctx.logger.error({ err }, "ledger export stream failed");
    }
  });
  return r;
}

async function* mapRows(rows: AsyncIterable<LedgerExportRow>) {
  for await (const e of rows) yield toRecord(e);
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
