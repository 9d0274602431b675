/** What a document is, as its uploader says; the api accepts exactly these. */
export const DOCUMENT_KINDS = ["resume", "job_description", "worklog", "property", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const KIND_LABELS: Record<DocumentKind, string> = {
  resume: "Resume",
  job_description: "Job description",
  worklog: "Worklog",
  property: "Property",
  other: "Other",
};

export const KIND_COLORS: Record<DocumentKind, string> = {
  resume: "indigo",
  job_description: "grape",
  worklog: "cyan",
  property: "orange",
  other: "gray",
};

export const KIND_OPTIONS = DOCUMENT_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export const kindLabel = (kind: string) => (isDocumentKind(kind) ? KIND_LABELS[kind] : kind);
export const kindColor = (kind: string) => (isDocumentKind(kind) ? KIND_COLORS[kind] : "gray");

/** Text extraction runs in the worker after the upload; jobs need it done. */
export const EXTRACTION_LABELS: Record<string, string> = { pending: "Extracting text", done: "Text ready", failed: "Extraction failed" };
export const EXTRACTION_COLORS: Record<string, string> = { pending: "yellow", done: "teal", failed: "red" };

/** What the picker and the api accept; checked again by content on the server. */
export const ACCEPTED_TYPES: Record<string, string[]> = {
  "application/pdf": [".pdf"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
  "text/plain": [".txt"],
  "text/markdown": [".md", ".markdown"],
};

/** Recordings, when the server takes them (a transcription provider, or ALLOW_AUDIO_UPLOADS: `limits.audioUploads`). */
export const AUDIO_TYPES: Record<string, string[]> = {
  "audio/mpeg": [".mp3"],
  "audio/wav": [".wav"],
  "audio/x-wav": [".wav"],
  "audio/mp4": [".m4a"],
  "audio/x-m4a": [".m4a"],
  "audio/ogg": [".ogg", ".oga", ".opus"],
  "audio/flac": [".flac"],
  "audio/x-flac": [".flac"],
  "audio/aac": [".aac"],
};

const FILE_TYPE_LABELS: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "text/plain": "Plain text",
  "text/markdown": "Markdown",
};

/** "text/plain" → "Plain text": people know file types by name, not by MIME type. */
export function fileTypeLabel(mimeType: string): string {
  const base = mimeType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (FILE_TYPE_LABELS[base]) return FILE_TYPE_LABELS[base];
  if (base.startsWith("audio/")) return `Audio (${base.slice(6).toUpperCase()})`;
  return "Other file";
}
