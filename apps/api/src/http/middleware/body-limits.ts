import express, { type RequestHandler } from "express";
import type { Surface } from "./procedure-paths.js";
import { sendSurfaceError } from "./surface-errors.js";

/** No input of ours nests anywhere near this; deeper JSON is an attack on the parser or on what walks the result. */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses, before a byte of the body is read: compressed bodies (a small gzip
 * can inflate to gigabytes, and no client of ours compresses requests) and a
 * declared Content-Length over the limit. `Connection: close` so the rest of
 * an oversized upload is never read either.
 */
export function refuseUnboundedBodies(maxBytes: number, surface: Surface): RequestHandler {
  return function refuseUnboundedBody(req, res, next) {
    const encoding = req.headers["content-encoding"]?.trim().toLowerCase();
    if (encoding && encoding !== "identity") {
      res.setHeader("Connection", "close");
      return sendSurfaceError(req, res, surface, "UNSUPPORTED_MEDIA_TYPE", `Compressed request bodies (Content-Encoding: ${encoding}) are not accepted`);
    }
    if (Number(req.headers["content-length"] ?? 0) > maxBytes) {
      res.setHeader("Connection", "close");
      return sendSurfaceError(req, res, surface, "PAYLOAD_TOO_LARGE", `Request body too large (limit ${maxBytes} bytes)`);
    }
    next();
  };
}

/** Whether `text` (JSON) nests objects/arrays deeper than `max`; strings are skipped, escapes included. */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Reads a JSON body with a streaming limit (chunked bodies included), refuses
 * deep nesting with a 400, and hands it on: tRPC takes the text as is, the
 * REST adapter takes the parsed value (it uses `req.body` when present).
 */
export function readJsonBody(maxBytes: number, surface: Surface): RequestHandler {
  const text = express.text({ type: ["application/json", "application/*+json"], limit: maxBytes, inflate: false, defaultCharset: "utf-8" });
  return function readBoundedJsonBody(req, res, next) {
    // A GET or HEAD without a body (no Content-Length, no Transfer-Encoding): what the parser would conclude, without it.
    if ((req.method === "GET" || req.method === "HEAD") && req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) {
      if (!Reflect.has(req, "body")) req.body = undefined;
      return next();
    }
    text(req, res, (err?: unknown) => {
      if (err) {
        const status = (err as { status?: number }).status;
        res.setHeader("Connection", "close");
        if (status === 413) return sendSurfaceError(req, res, surface, "PAYLOAD_TOO_LARGE", `Request body too large (limit ${maxBytes} bytes)`);
        if (status === 415) return sendSurfaceError(req, res, surface, "UNSUPPORTED_MEDIA_TYPE", "Unsupported request body encoding");
        return sendSurfaceError(req, res, surface, "BAD_REQUEST", "The request body could not be read");
      }
      const body: unknown = req.body;
      if (typeof body !== "string") return next();
      if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
        return sendSurfaceError(req, res, surface, "BAD_REQUEST", `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
      if (surface === "trpc") return next();
      if (!body.trim()) {
        req.body = undefined;
        return next();
      }
      try {
        req.body = JSON.parse(body);
      } catch {
        return sendSurfaceError(req, res, surface, "PARSE_ERROR", "The request body is not valid JSON");
      }
      next();
    });
  };
}
