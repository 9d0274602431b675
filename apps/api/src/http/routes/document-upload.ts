import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import busboy from "busboy";
import type { Request } from "express";
import { TRPCError } from "@trpc/server";
import {
  audioUploadsAllowed,
  detectType,
  displayFilename,
  documentKey,
  documentService,
  resolveAccount,
  SNIFF_BYTES,
  ServiceError,
  storageFromConfig,
  ZUploadFields,
  type Storage,
  type TDocument,
  type TenantActor,
  type UploadedFile,
} from "@atrium/core";
import type { Context } from "../../trpc/context.js";
import { defineRawRoute } from "./raw-route.js";

/** Mounted under /api; multipart can't be a JSON procedure, so it is a raw route through the procedures' pipeline. */
export const DOCUMENT_UPLOAD_PATH = "/documents/";
const PROCEDURE_NAME = "documents.upload";

/** What the body delivered, before the row exists: the file as core records it, under its storage key. */
type Received = Omit<UploadedFile, "storageKey" | "kind"> & { key: string };

/** A refused file: the message also names the form's `file` field, as a procedure's field errors do. */
const refuseFile = (code: "BAD_REQUEST" | "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE", message: string) =>
  new TRPCError({ code, message, cause: new ServiceError("BAD_REQUEST", message, { file: [message] }) });
const tooLarge = (mb: number) => refuseFile("PAYLOAD_TOO_LARGE", `File too large: the limit is ${mb} MB`);

/**
 * Streams one file part into storage: the first bytes decide the type (by
 * content), the rest flows through a hash into storage. Never holds more than
 * the head in memory; a part over the limit aborts the write.
 */
async function receiveFile(
  file: Readable & { truncated?: boolean },
  opts: { storage: Storage; key: string; filename: string; allowAudio: boolean; maxMb: number; limitHit: () => boolean },
): Promise<Omit<Received, "id" | "accountId">> {
  const it = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const headBytes = Buffer.concat(head);
  const detection = await detectType(headBytes.subarray(0, SNIFF_BYTES), { allowAudio: opts.allowAudio, filename: opts.filename });
  if (!detection.ok) throw refuseFile(detection.reason === "empty" ? "BAD_REQUEST" : "UNSUPPORTED_MEDIA_TYPE", detection.message);
  const hash = createHash("sha256");
  let size = 0;
  async function* body() {
    hash.update(headBytes);
    size += headBytes.length;
    yield headBytes;
    while (!ended) {
      const next = await it.next();
      if (next.done) break;
      hash.update(next.value);
      size += next.value.length;
      yield next.value;
    }
    if (file.truncated || opts.limitHit()) throw tooLarge(opts.maxMb);
  }
  await opts.storage.put(opts.key, Readable.from(body()), { contentType: detection.type.mimeType });
  return { key: opts.key, filename: opts.filename, mimeType: detection.type.mimeType, sizeBytes: size, sha256: hash.digest("hex") };
}

/**
 * Reads the multipart body. Fields before the file may name `accountId`; `kind`
 * may come anywhere. Resolves when the body is read, rejects as soon as the file
 * is refused (too large, wrong type), without reading the rest.
 */
function parseUpload(req: Request, ctx: Context, actor: TenantActor, storage: Storage): Promise<{ fields: Record<string, string>; file?: Received }> {
  const config = ctx.svc.config;
  const maxBytes = Math.floor(config.MAX_UPLOAD_MB * 1024 * 1024);
  const fields: Record<string, string> = {};
  let received: Promise<Received> | undefined;
  let limitHit = false;
  // busboy reports the limit once a file reaches it, so it is told one byte more: a file of exactly MAX_UPLOAD_MB is taken.
  // Browsers and curl send a name's UTF-8 bytes as they are (not as filename*); busboy's default reads them as latin1: "rÃ©sumÃ©".
  const bb = busboy({ headers: req.headers, defParamCharset: "utf8", limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 1024, parts: 20 } });
  const finished = new Promise<{ fields: Record<string, string>; file?: Received }>((resolve, reject) => {
    bb.on("field", (name, value) => {
      if (name === "kind" || name === "accountId") fields[name] = value;
    });
    bb.on("file", (name, stream, info) => {
      if (name !== "file" || received) {
        stream.resume();
        return;
      }
      // The limit is known the moment busboy sees one byte too many: fail now, not at the end of the body.
      stream.once("limit", () => {
        limitHit = true;
        stream.destroy(tooLarge(config.MAX_UPLOAD_MB));
      });
      const task = (async () => {
        const accountId = resolveAccount(actor, fields.accountId ?? (typeof req.query.accountId === "string" ? req.query.accountId : undefined), "data.write");
        const id = randomUUID();
        const filename = displayFilename(info.filename ?? "");
        const key = documentKey(accountId, id, filename);
        const limitHitNow = () => limitHit;
        try {
          const file = await receiveFile(stream, { storage, key, filename, allowAudio: audioUploadsAllowed(config), maxMb: config.MAX_UPLOAD_MB, limitHit: limitHitNow });
          return { ...file, id, accountId };
        } catch (err) {
          stream.resume();
          await storage.delete(key).catch(() => {});
          throw limitHit ? tooLarge(config.MAX_UPLOAD_MB) : err;
        }
      })();
      received = task;
      task.catch(reject);
    });
    bb.on("error", (err) => reject(new TRPCError({ code: "BAD_REQUEST", message: `Could not read the upload: ${(err as Error).message}` })));
    bb.on("close", () => {
      if (!received) return resolve({ fields });
      received.then((file) => resolve({ fields, file }), reject);
    });
  });
  // On refusal the route's pipeline unpipes and pauses the request: the rest of the body is never read.
  req.pipe(bb);
  return finished;
}

export const documentUploadRoute = defineRawRoute({
  method: "post",
  path: DOCUMENT_UPLOAD_PATH,
  procedure: PROCEDURE_NAME,
  access: "tenant",
  async handle({ req, res, ctx }) {
    if (!req.is("multipart/form-data")) {
      throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the file as multipart/form-data in a field named file" });
    }
    const storage = storageFromConfig(ctx.svc.config);
    let stored: Received | undefined;
    try {
      const { fields, file } = await parseUpload(req, ctx, ctx.tenant, storage);
      stored = file;
      if (!file) throw new TRPCError({ code: "BAD_REQUEST", message: "Attach the file in a form field named file" });
      const { kind } = ZUploadFields.parse(fields);
      const { key: storageKey, ...rest } = file;
      const doc: TDocument = await documentService.recordUpload(ctx.svc, ctx.tenant, { ...rest, storageKey, kind }, ctx.meta);
      stored = undefined;
      res.status(201).json(doc);
    } finally {
      // Stored but not recorded (bad fields, a failed insert): the file must not outlive the request.
      if (stored) await storage.delete(stored.key).catch(() => {});
    }
  },
});
