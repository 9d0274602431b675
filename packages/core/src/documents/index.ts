export * as documentService from "./document.service.js";
export { toDocumentDto, DOWNLOAD_TTL_SECONDS, type UploadedFile } from "./document.service.js";
export { extractDocument, type ExtractDocumentResult } from "./extract-document.js";
export { extractText, type Extracted } from "./extract.js";
export { detectType, looksLikeText, allowedLabels, SNIFF_BYTES, type DetectedType, type Detection } from "./detect.js";
export { findDocument, type DocumentRow } from "./document.repository.js";
export { purgeDeletedDocuments } from "./purge-documents.js";
export { DOCUMENT_JOBS } from "./documents.jobs.js";
export { saveTextDocument, type TextDocument } from "./text-document.service.js";
