import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { DOCUMENT_KINDS, ZDocument } from "@atrium/core";
import { DOCUMENT_UPLOAD_PATH } from "./document-upload.js";

const ZUploadForm = z.object({
  file: z.string().meta({ format: "binary", description: "The file: PDF, DOCX, or UTF-8 text/Markdown (audio — MP3, WAV, M4A, OGG, FLAC — with ALLOW_AUDIO_UPLOADS or TRANSCRIPTION_BASE_URL); judged by content. Its name is kept without a path, control or bidi characters, at most 200 characters" }),
  kind: z.enum(DOCUMENT_KINDS).optional().meta({ description: "What the document is; default other" }),
  accountId: z.uuid().optional().meta({ description: "Account to upload to (before the file part); defaults to your home account" }),
});

/** The multipart upload and the signed file route, documented next to the procedures in /api/openapi.json. */
export const documentOpenApiPaths: ZodOpenApiPathsObject = {
  // trpc-to-openapi writes paths without the trailing slash; the same key lets this sit next to GET /documents.
  [DOCUMENT_UPLOAD_PATH.replace(/\/$/, "")]: {
    post: {
      tags: ["documents"],
      summary: "Upload a document (multipart/form-data; size limit MAX_UPLOAD_MB, enforced while streaming)",
      security: [{ bearer: [] }],
      requestBody: { required: true, content: { "multipart/form-data": { schema: ZUploadForm } } },
      responses: {
        "201": { description: "The stored document; text extraction is pending", content: { "application/json": { schema: ZDocument } } },
        "400": { description: "No `file` part, an empty file, or a bad `kind` / `accountId`; a refused file's message is also `data.fieldErrors.file`" },
        "401": { description: "Not authenticated" },
        "404": { description: "`accountId` names an account you are not in" },
        "413": { description: "File too large: the message names the limit (`code` PAYLOAD_TOO_LARGE)" },
        "415": { description: "Unsupported file type (the message names what was detected and what is allowed), or a name whose extension the content contradicts (a resume.pdf that is HTML)" },
        "429": { description: "Rate limited; see Retry-After" },
      },
    },
  },
  "/files/{key}": {
    get: {
      tags: ["documents"],
      summary: "A stored file, through the signed link GET /documents/{id}/download/ returns (local storage only)",
      requestParams: {
        path: z.object({ key: z.string().meta({ description: "The storage key (several path segments)" }) }),
        query: z.object({ exp: z.string(), name: z.string(), sig: z.string() }),
      },
      responses: {
        "200": { description: "The file, as an attachment", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
        "403": { description: "The link is expired or its signature does not match" },
        "404": { description: "The file is gone" },
      },
    },
  },
};
