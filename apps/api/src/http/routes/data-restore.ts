import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Request } from "express";
import { TRPCError } from "@trpc/server";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { GZIP_MAGIC, restoreTenant, storageFromConfig, ZTenantRestoreQuery, ZTenantRestoreResult } from "@atrium/core";
import { defineRawRoute } from "./raw-route.js";

/** Mounted under /api; the archive is the raw body (up to RESTORE_MAX_BYTES), which no JSON procedure can take. */
export const DATA_RESTORE_PATH = "/data/restore/";
const PROCEDURE_NAME = "data.restore";
const TYPES = ["application/gzip", "application/x-gzip", "application/json", "application/x-ndjson", "application/jsonl"];

const tooLarge = (max: number) => new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `Archive too large: the limit is ${max} bytes (RESTORE_MAX_BYTES)` });

/**
 * Writes the body to a private temporary file, cut off at `max` bytes: restore
 * reads the archive twice (validate everything, then write), and a request
 * body can only be read once. Says whether the bytes are gzip.
 */
async function spool(req: Request, file: string, max: number): Promise<{ gzip: boolean }> {
  let size = 0;
  let head = Buffer.alloc(0);
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (head.length < 2) head = Buffer.concat([head, chunk.subarray(0, 2)]);
      done(size > max ? tooLarge(max) : null, chunk);
    },
  });
  await pipeline(req, limit, createWriteStream(file, { mode: 0o600 }));
  return { gzip: head.subarray(0, 2).equals(GZIP_MAGIC) };
}

export const dataRestoreRoute = defineRawRoute({
  method: "post",
  path: DATA_RESTORE_PATH,
  procedure: PROCEDURE_NAME,
  // Staff only, decided before a byte of the body is read (an unread body is dropped, not drained).
  access: "staff",
  input: ZTenantRestoreQuery,
  async handle({ req, res, ctx, input }) {
    const max = ctx.svc.config.RESTORE_MAX_BYTES;
    if (Number(req.headers["content-length"] ?? 0) > max) throw tooLarge(max);
    if (!TYPES.some((t) => req.is(t))) throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: `Send the archive as the raw body, with Content-Type ${TYPES.slice(0, 3).join(" or ")}` });
    const dir = await mkdtemp(path.join(tmpdir(), "atrium-restore-"));
    try {
      const file = path.join(dir, "archive");
      const { gzip } = await spool(req, file, max);
      const source = { open: () => createReadStream(file), gzip };
      const result = await restoreTenant(ctx.svc, storageFromConfig(ctx.svc.config), ctx.actor, source, input, ctx.meta);
      res.status(result.dryRun ? 200 : 201).json(result);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});

export const dataRestoreOpenApiPaths: ZodOpenApiPathsObject = {
  [DATA_RESTORE_PATH]: {
    post: {
      tags: ["data"],
      summary: "Restore a tenant archive (staff): validated whole before anything is written, then one transaction",
      security: [{ bearer: [] }],
      requestParams: { query: ZTenantRestoreQuery },
      requestBody: { content: { "application/gzip": { schema: { type: "string", format: "binary" } }, "application/json": { schema: { type: "string" } } } },
      responses: {
        "200": { description: "Dry run: what would be created", content: { "application/json": { schema: ZTenantRestoreResult } } },
        "201": { description: "Restored: the account's id and the rows written per section", content: { "application/json": { schema: ZTenantRestoreResult } } },
        "400": { description: "Archive refused (format, schema version, checksums, references, ledger, foreign rows); `data.fieldErrors.archive` lists the problems" },
        "401": { description: "Not authenticated" },
        "403": { description: "Not staff" },
        "409": { description: "target=same while the account still exists, or a row that already exists" },
        "413": { description: "Past RESTORE_MAX_BYTES, or inflating past RESTORE_MAX_UNCOMPRESSED_BYTES" },
        "415": { description: "Not gzip or JSON" },
        "429": { description: "Rate limited; see Retry-After" },
      },
    },
  },
};
