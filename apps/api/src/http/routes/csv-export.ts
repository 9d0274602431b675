import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { z } from "zod";
import type { Actor } from "@atrium/core";
import type { Context } from "../../trpc/context.js";
import { defineRawRoute, sendDownload } from "./raw-route.js";

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
  procedure: string;
  access: "user" | "staff";
  filters: z.ZodType<F>;
  columns: readonly string[];
  filename: (date: string) => string;
  load: (ctx: Context, actor: Actor, filters: F) => Promise<AsyncIterable<R>>;
  /** Raw values; every cell is formula-escaped afterwards, whatever the column. */
  toRecord: (row: R) => Record<string, string>;
}

/**
 * A CSV download (a file can't be a JSON procedure) as a raw route: the
 * procedures' auth, rate limits and error shape; rows are streamed, so memory
 * stays flat however many match.
 */
export function csvExportRoute<F, R>(spec: CsvExport<F, R>) {
  return defineRawRoute({
    method: "get",
    path: spec.path,
    procedure: spec.procedure,
    access: spec.access,
    input: spec.filters,
    async handle({ res, ctx, input }) {
      const rows = await spec.load(ctx, ctx.actor, input);
      const date = ctx.svc.now().toISOString().slice(0, 10);
      await sendDownload(res, "text/csv; charset=utf-8", spec.filename(date), Readable.from(records(rows, spec.toRecord)), stringify({ header: true, columns: [...spec.columns] }));
    },
  });
}

async function* records<R>(rows: AsyncIterable<R>, toRecord: (row: R) => Record<string, string>) {
  for await (const row of rows) yield Object.fromEntries(Object.entries(toRecord(row)).map(([k, v]) => [k, safeCell(v)]));
}
