import { formatDuration } from "../../lib/format";
import type { Job, JobEvent } from "../../lib/trpc";

/**
 * The one place where timeline event types become words. The api records machine
 * types (`job.queued`, `llm.call`, steps like `extract_text`); people read these.
 */
// The transcription's own call says which model heard how many minutes, like an llm.call.
const EVENT_LABELS: Record<string, string> = {
  "job.queued": "Queued",
  "job.waiting": "Waiting for a free slot",
  "job.running": "Started",
  "llm.call": "Asking the analyzer",
  "transcription.call": "Speech-to-text provider answered",
  "job.retry": "Hit a problem, trying again",
  "job.retried": "Queued again by support",
  "job.succeeded": "Finished",
  "job.failed": "Failed",
  "job.cancel_requested": "Stopping at the next step",
  "job.cancelled": "Cancelled",
};

const STEP_LABELS: Record<string, string> = {
  extract_text: "Reading the document",
  analyze: "Analyzing the document",
  match: "Comparing the resume with the job description",
  summarize: "Summarizing the worklog",
  parse_resume: "Reading the resume into a profile",
  read_audio: "Measuring the recording",
  transcribe: "Transcribing",
  store_transcript: "Saving the transcript as the recording's text",
};

function baseLabel(event: Pick<JobEvent, "type" | "data">): string {
  if (event.type === "step") {
    const step = typeof event.data.step === "string" ? event.data.step : "";
    // The no-op test job's numbered waits.
    if (/^wait_\d+$/.test(step)) return `Waiting (step ${step.slice(5)})`;
    return STEP_LABELS[step] ?? "Working";
  }
  return EVENT_LABELS[event.type] ?? "Progress update";
}

/** "Reading the document — 8 ms": the label, with the duration when the event has one. */
export function eventLabel(event: Pick<JobEvent, "type" | "data" | "durationMs">): string {
  const label = baseLabel(event);
  return event.durationMs === null ? label : `${label} — ${formatDuration(event.durationMs)}`;
}

/** Events whose own message is written for the user (failures and retries say why). */
export const SHOWS_MESSAGE = new Set(["job.failed", "job.retry", "job.waiting"]);

const ROLE_WORDS: Record<Job["documents"][number]["role"], string> = { resume: "Resume", job_description: "Job description", document: "Document" };

/** The documents a job ran on, as a list line: "nora-cv.pdf vs backend.txt", "deleted document" once gone. */
export function jobSubject(job: Pick<Job, "documents">): string {
  if (job.documents.length === 0) return "";
  return job.documents.map((d) => d.filename ?? "deleted document").join(" vs ");
}

/** For the job page's facts: "Resume: nora-cv.pdf". */
export const documentRoleLabel = (role: Job["documents"][number]["role"]) => ROLE_WORDS[role];
