import { QUEUES } from "@atrium/core/queues";
import { runAnalysisProcessor } from "../processors/analysis/run-analysis.processor.js";
import type { QueueConfig } from "./queue-config.js";

/** Paid analysis jobs (every type of JOB_TYPES: document_analysis, resume_match, resume_parse, worklog_summary, interview_transcription, noop); one BullMQ job per `jobs` row. */
export const aiAnalysisQueue: QueueConfig = {
  name: QUEUES.ai_analysis,
  concurrency: (config) => config.ANALYSIS_CONCURRENCY,
  processors: [runAnalysisProcessor],
  schedules: () => [],
};
