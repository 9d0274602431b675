import { Readable } from "node:stream";
import { createGzip } from "node:zlib";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { prepareTenantExport, storageFromConfig, ZTenantExportQuery } from "@atrium/core";
import { defineRawRoute, sendDownload } from "./raw-route.js";

/** Mounted under /api; a streamed gzip file, so a plain route with the procedures' auth, limits and error shape. */
export const DATA_EXPORT_PATH = "/data/export/";
const PROCEDURE_NAME = "data.export";

export const dataExportRoute = defineRawRoute({
  method: "get",
  path: DATA_EXPORT_PATH,
  procedure: PROCEDURE_NAME,
  access: "tenant",
  input: ZTenantExportQuery,
  async handle({ res, ctx, input }) {
    const archive = await prepareTenantExport(ctx.svc, storageFromConfig(ctx.svc.config), ctx.tenant, input, ctx.meta);
    // Readable.from pulls a page only when gzip and the socket want more: memory stays flat for any tenant.
    // A stream cut short fails the archive's own end-of-archive check on restore.
    await sendDownload(res, "application/gzip", archive.filename, Readable.from(archive.lines()), createGzip());
  },
});

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
