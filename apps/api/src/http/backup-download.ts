import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Router, type Request, type Response } from "express";
import { create as createTar } from "tar";
import { TRPCError } from "@trpc/server";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { Logger } from "@atrium/config";
import { backupAdminService, toActor, ZBackupIdInput } from "@atrium/core";
import type { Context } from "../trpc/context.js";
import { toTRPCError } from "../trpc/errors.js";
import { enforceRateLimit } from "../trpc/rate-limit.middleware.js";
import { sendRouteError, zodToTRPC } from "./route-errors.js";

/** Mounted under /api; a whole backup folder as one tar.gz, streamed (staff). */
export const BACKUP_DOWNLOAD_PATH = "/system/backups/:name/download/";
const PROCEDURE_NAME = "system.backup.download";

type CreateContext = (opts: { req: Request; res: Response }) => Promise<Context>;

export function backupDownloadRoutes(createContext: CreateContext, logger: Logger): Router {
  const r = Router();
  r.get(BACKUP_DOWNLOAD_PATH, async (req, res) => {
    let ctx: Context | undefined;
    let dir: string;
    try {
      ctx = await createContext({ req, res });
      if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Authentication required" });
      await enforceRateLimit(ctx, PROCEDURE_NAME, async () => req.params);
      if (!toActor(ctx.auth.user).isStaff) throw new TRPCError({ code: "FORBIDDEN", message: "Only platform staff can do this" });
      const parsed = ZBackupIdInput.safeParse(req.params);
      if (!parsed.success) throw zodToTRPC(parsed.error);
      dir = await backupAdminService.backupFolder(ctx.svc, parsed.data.name);
    } catch (e) {
      const error = e instanceof TRPCError ? e : (toTRPCError(e) ?? new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: e }));
      if (error.code === "INTERNAL_SERVER_ERROR") (ctx?.logger ?? logger).error({ err: e, path: PROCEDURE_NAME }, "backup download failed");
      return sendRouteError(res, error, PROCEDURE_NAME);
    }
    const id = path.basename(dir);
    res.status(200);
    res.setHeader("Content-Type", "application/gzip");
    res.setHeader("Content-Disposition", `attachment; filename="${id}.tar.gz"`);
    res.setHeader("Cache-Control", "no-store");
    try {
      await pipeline(createTar({ gzip: true, cwd: path.dirname(dir), portable: true }, [id]), res);
    } catch (err) {
      ctx.logger.error({ err, path: PROCEDURE_NAME }, "backup download stream failed");
    }
  });
  return r;
}

export const backupDownloadOpenApiPaths: ZodOpenApiPathsObject = {
  "/system/backups/{name}/download/": {
    get: {
      tags: ["system"],
      summary: "A full backup as one tar.gz: manifest.json, tables/*.copy.gz, files/ (staff)",
      security: [{ bearer: [] }],
      requestParams: { path: ZBackupIdInput },
      responses: {
        "200": { description: "tar.gz of the backup folder", content: { "application/gzip": { schema: { type: "string", format: "binary" } } } },
        "401": { description: "Not authenticated" },
        "403": { description: "Not staff" },
        "404": { description: "No such backup" },
      },
    },
  },
};
