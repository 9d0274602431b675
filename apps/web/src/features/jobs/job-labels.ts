/** The analysis types a user can run; the api's job registry knows exactly these. */
export const JOB_TYPES = ["document_analysis", "resume_match", "resume_parse", "worklog_summary", "interview_transcription"] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const JOB_TYPE_LABELS: Record<JobType, string> = {
  document_analysis: "Document analysis",
  resume_match: "Resume match",
  worklog_summary: "Worklog summary",
  resume_parse: "Resume parsing",
  interview_transcription: "Interview transcription",
};

export const JOB_TYPE_DESCRIPTIONS: Record<JobType, string> = {
  document_analysis: "A summary, keywords and skills, and named entities of one document; a résumé's role, years, jobs and schools; the tone of an interview transcript.",
  resume_match: "Scores a resume against a job description, 0–100, and shows how: required and nice-to-have skills, years, wording, meaning.",
  worklog_summary: "Turns a worklog into achievement bullet points, with its overall tone.",
  resume_parse: "Reads a résumé into a profile: contact details, jobs with dates and highlights, schools, and skills (known ones and the résumé's own).",
  interview_transcription: "Transcribes an interview recording (MP3, WAV, M4A, OGG, FLAC), then summarizes it with its tone. Priced per audio minute; needs a transcription provider.",
};

export const JOB_STATUSES = ["queued", "running", "success", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const STATUS_LABELS: Record<JobStatus, string> = {
  queued: "Queued",
  running: "Running",
  success: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
};

export const STATUS_COLORS: Record<JobStatus, string> = {
  queued: "yellow",
  running: "blue",
  success: "teal",
  failed: "red",
  cancelled: "gray",
};

export function isJobType(value: unknown): value is JobType {
  return typeof value === "string" && (JOB_TYPES as readonly string[]).includes(value);
}

export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === "string" && (JOB_STATUSES as readonly string[]).includes(value);
}

/** Types the api runs that aren't offered in the SPA (benchmarks, tests), named for the lists they show up in. */
const OTHER_TYPE_LABELS: Record<string, string> = { noop: "No-op job" };

export const jobTypeLabel = (type: string) => (isJobType(type) ? JOB_TYPE_LABELS[type] : (OTHER_TYPE_LABELS[type] ?? type));

/** Still moving: worth polling, and cancellable. */
export const isActive = (status: string) => status === "queued" || status === "running";
