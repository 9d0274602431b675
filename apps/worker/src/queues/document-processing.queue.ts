import { QUEUES } from "@atrium/core/queues";
import { extractDocumentProcessor } from "../processors/analysis/extract-document.processor.js";
import type { QueueConfig } from "./queue-config.js";

/** Text extraction of uploads (PDF, DOCX, text), ahead of analysis; analysis extracts on demand too. */
export const documentProcessingQueue: QueueConfig = {
  name: QUEUES.document_processing,
  concurrency: (config) => config.ANALYSIS_CONCURRENCY,
  processors: [extractDocumentProcessor],
  schedules: () => [],
};
