import path from "node:path";
import { create as createTar } from "tar";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { backupAdminService, ZBackupIdInput } from "@atrium/core";
import { defineRawRoute, sendDownload } from "./raw-route.js";

/** Mounted under /api; a whole backup folder as one tar.gz, streamed (staff). */
export const BACKUP_DOWNLOAD_PATH = "/system/backups/:name/download/";
const PROCEDURE_NAME = "system.backup.download";

export const backupDownloadRoute = defineRawRoute({
  method: "get",
  path: BACKUP_DOWNLOAD_PATH,
  procedure: PROCEDURE_NAME,
  // Refused before the id is even looked up; the service checks again.
  access: "staff",
  input: ZBackupIdInput,
  async handle({ res, ctx, input }) {
    const dir = await backupAdminService.backupFolder(ctx.svc, ctx.actor, input.name);
    const id = path.basename(dir);
    await sendDownload(res, "application/gzip", `${id}.tar.gz`, createTar({ gzip: true, cwd: path.dirname(dir), portable: true }, [id]));
  },
});

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
