import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Router, type Request, type Response } from "express";
import { stringify } from "csv-stringify";
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import type { Logger } from "@atrium/config";
import { toActor, type Actor } from "@atrium/core";
import type { Context } from "../../trpc/context.js";
import { toTRPCError } from "../../trpc/errors.js";
import { enforceRateLimit } from "../../trpc/rate-limit.middleware.js";
import { sendRouteError, zodToTRPC } from "./route-errors.js";

type CreateContext = (opts: { req: Request; res: Response }) => Promise<Context>;

/**
 * A cell a spreadsheet would run as a formula gets a leading quote (OWASP CSV
 * injection). Applied to every column of every export by csvExportRoute, since
 * any text (names, reasons, user agents, even an IP from a forwarded header)
 * can be attacker-written; plain numbers like -500 stay numbers.
 */
export const safeCell = (v: string | null) => (v && /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : (v ?? ""));

export interface CsvExport<F, R> {
  /** Mounted under /api. */
  path: string;
  /** Names the export in rate limits and error bodies, like a procedure path. */
  procedureName: string;
  filters: z.ZodType<F>;
  columns: readonly string[];
  filename: (date: string) => string;
  load: (ctx: Context, actor: Actor, filters: F) => Promise<AsyncIterable<R>>;
  /** Raw values; every cell is formula-escaped afterwards, whatever the column. */
  toRecord: (row: R) => Record<string, string>;
}

/**
 * A CSV download as a plain route (a file can't be a JSON procedure) with the
 * procedures' auth, rate limits and error shape; rows are streamed, so memory
 * stays flat however many match.
 */
export function csvExportRoute<F, R>(spec: CsvExport<F, R>, createContext: CreateContext, logger: Logger): Router {
  const r = Router();
  r.get(spec.path, async (req, res) => {
    let rows: AsyncIterable<R>;
    let ctx: Context | undefined;
    try {
      ctx = await createContext({ req, res });
      if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Authentication required" });
      await enforceRateLimit(ctx, spec.procedureName, async () => req.query);
      const parsed = spec.filters.safeParse(req.query);
      if (!parsed.success) throw zodToTRPC(parsed.error);
      rows = await spec.load(ctx, toActor(ctx.auth.user), parsed.data);
    } catch (e) {
      const error = e instanceof TRPCError ? e : (toTRPCError(e) ?? new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: e }));
      if (error.code === "INTERNAL_SERVER_ERROR") (ctx?.logger ?? logger).error({ err: e, path: spec.procedureName }, "export failed");
      return sendRouteError(res, error, spec.procedureName);
    }

    const date = ctx.svc.now().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${spec.filename(date)}"`);
    res.setHeader("Cache-Control", "no-store");
    try {
      await pipeline(Readable.from(records(rows, spec.toRecord)), stringify({ header: true, columns: [...spec.columns] }), res);
    } catch (err) {
      // Headers are gone by now; the truncated download is the only signal left, so log it.
      ctx.logger.error({ err, path: spec.procedureName }, "export stream failed");
    }
  });
  return r;
}

async function* records<R>(rows: AsyncIterable<R>, toRecord: (row: R) => Record<string, string>) {
  for await (const row of rows) yield Object.fromEntries(Object.entries(toRecord(row)).map(([k, v]) => [k, safeCell(v)]));
}
