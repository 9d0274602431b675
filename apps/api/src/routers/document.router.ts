import {
  documentService,
  storageFromConfig,
  ZDocument,
  ZDocumentDetail,
  ZDocumentDownload,
  ZDocumentIdInput,
  ZDocumentPage,
  ZListDocumentsInput,
  ZUpdateDocumentInput,
} from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["documents"];


/** Uploading is the multipart route POST /api/documents/ (http/document-upload.ts); the rest are procedures. */
export const documentRouter = router({
  list: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/documents/", tags, summary: "Documents of an account, newest first (paged; filter by kind)", protect: true } })
    .input(ZListDocumentsInput)
    .output(ZDocumentPage)
    .query(({ ctx, input }) => documentService.listDocuments(ctx.svc, ctx.tenant, input)),

  get: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/documents/{id}/", tags, summary: "One document with its extraction status and a text preview", protect: true } })
    .input(ZDocumentIdInput)
    .output(ZDocumentDetail)
    .query(({ ctx, input }) => documentService.getDocument(ctx.svc, ctx.tenant, input)),

  update: tenantProcedure
    .meta({ openapi: { method: "PATCH", path: "/documents/{id}/", tags, summary: "Change a document's kind (members who may upload)", protect: true } })
    .input(ZUpdateDocumentInput)
    .output(ZDocument)
    .mutation(({ ctx, input }) => documentService.updateDocument(ctx.svc, ctx.tenant, input, ctx.meta)),

  delete: tenantProcedure
    .meta({ openapi: { method: "DELETE", path: "/documents/{id}/", tags, summary: "Delete a document (soft: purged after the retention period)", protect: true } })
    .input(ZDocumentIdInput)
    .output(ZDocument)
    .mutation(({ ctx, input }) => documentService.deleteDocument(ctx.svc, ctx.tenant, input, ctx.meta)),

  download: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/documents/{id}/download/", tags, summary: "A short-lived (5 minute) link to the file", protect: true } })
    .input(ZDocumentIdInput)
    .output(ZDocumentDownload)
    .query(({ ctx, input }) => documentService.downloadDocument(ctx.svc, ctx.tenant, storageFromConfig(ctx.svc.config), input)),
});
