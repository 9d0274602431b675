import { pipeline } from "node:stream/promises";
import { TRPCError } from "@trpc/server";
import { contentDisposition, downloadSigningKey, LOCAL_FILES_PATH, storageFromConfig, StorageNotFoundError, verifyLocalSignature } from "@atrium/core";
import { defineRawRoute } from "./raw-route.js";

const PROCEDURE_NAME = "files.download";

const TYPES: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};
const typeOf = (filename: string) => TYPES[filename.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";

/**
 * Serves local-storage files behind the HMAC signature GET /api/documents/{id}/download/
 * hands out. The link itself is the credential (it works in a plain <a href>), so no session is needed.
 */
export const documentDownloadRoute = defineRawRoute({
  method: "get",
  path: `${LOCAL_FILES_PATH}/*key`,
  procedure: PROCEDURE_NAME,
  access: "public",
  async handle({ req, res, ctx }) {
    const config = ctx.svc.config;
    const storage = storageFromConfig(config);
    const key = ([] as string[]).concat((req.params as { key?: string | string[] }).key ?? []).join("/");
    const check = verifyLocalSignature(downloadSigningKey(config), key, req.query, ctx.svc.now());
    if (storage.kind !== "local" || !check.ok) {
      const message = !check.ok && check.reason === "expired" ? "This download link has expired; ask for a new one" : "This download link is not valid";
      throw new TRPCError({ code: "FORBIDDEN", message });
    }
    const body = await storage.get(key).catch((err: unknown) => {
      throw err instanceof StorageNotFoundError ? new TRPCError({ code: "NOT_FOUND", message: "File not found" }) : err;
    });
    res.status(200);
    res.setHeader("Content-Type", typeOf(check.filename));
    res.setHeader("Content-Disposition", contentDisposition(check.filename || "download"));
    res.setHeader("Cache-Control", "private, no-store");
    await pipeline(body, res);
  },
});
