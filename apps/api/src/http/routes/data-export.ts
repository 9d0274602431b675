import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { Router, type Request, type Response } from "express";
import { TRPCError } from "@trpc/server";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { Logger } from "@atrium/config";
import { loadPolicyActor, prepareTenantExport, storageFromConfig, toActor, ZTenantExportQuery, type TenantExport } from "@atrium/core";
import type { Context } from "../../trpc/context.js";
import { toTRPCError } from "../../trpc/errors.js";
import { enforceRateLimit } from "../../trpc/rate-limit.middleware.js";
import { sendRouteError, zodToTRPC } from "./route-errors.js";

/** Mounted under /api; a streamed gzip file, so a plain route with the procedures' auth, limits and error shape. */
export const DATA_EXPORT_PATH = "/data/export/";
const PROCEDURE_NAME = "data.export";

type CreateContext = (opts: { req: Request; res: Response }) => Promise<Context>;

export function dataExportRoutes(createContext: CreateContext, logger: Logger): Router {
  const r = Router();
  r.get(DATA_EXPORT_PATH, async (req, res) => {
    let ctx: Context | undefined;
    let archive: TenantExport;
    try {
      ctx = await createContext({ req, res });
      if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Authentication required" });
      await enforceRateLimit(ctx, PROCEDURE_NAME, async () => req.query);
      const parsed = ZTenantExportQuery.safeParse(req.query);
      if (!parsed.success) throw zodToTRPC(parsed.error);
      const user = toActor(ctx.auth.user);
      const actor = { ...(await loadPolicyActor(ctx.svc.db, user)), homeAccountId: user.accountId };
      archive = await prepareTenantExport(ctx.svc, storageFromConfig(ctx.svc.config), actor, parsed.data, ctx.meta);
    } catch (e) {
      const error = e instanceof TRPCError ? e : (toTRPCError(e) ?? new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: e }));
      if (error.code === "INTERNAL_SERVER_ERROR") (ctx?.logger ?? logger).error({ err: e, path: PROCEDURE_NAME }, "export failed");
      return sendRouteError(res, error, PROCEDURE_NAME);
    }
    res.status(200);
    res.setHeader("Content-Type", "application/gzip");
    res.setHeader("Content-Disposition", `attachment; filename="${archive.filename}"`);
    res.setHeader("Cache-Control", "no-store");
    try {
      // Readable.from pulls a page only when gzip and the socket want more: memory stays flat for any tenant.
      await pipeline(Readable.from(archive.lines()), createGzip(), res);
    } catch (err) {
      // Headers are gone; a truncated archive fails its own end-of-archive check on restore.
      ctx.logger.error({ err, path: PROCEDURE_NAME }, "export stream failed");
    }
  });
  return r;
}

export const dataExportOpenApiPaths: ZodOpenApiPathsObject = {
  [DATA_EXPORT_PATH]: {
    get: {
      tags: ["data"],
      summary: "The tenant as one versioned archive (gzip JSON lines, a checksum per section); staff may name accountId",
      security: [{ bearer: [] }],
      requestParams: { query: ZTenantExportQuery },
      responses: {
        "200": { description: "gzip of JSON lines: header, each section's rows and trailer (count, sha256), files, end", content: { "application/gzip": { schema: { type: "string", format: "binary" } } } },
        "400": { description: "Invalid query; `data.fieldErrors` names the fields" },
        "401": { description: "Not authenticated" },
        "403": { description: "Not an owner or admin of the account" },
        "404": { description: "No such account (or not yours)" },
        "429": { description: "Rate limited; see Retry-After" },
      },
    },
  },
};
