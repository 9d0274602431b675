import { schema } from "@atrium/db";
import { iso, isoOrNull } from "../shared/dates.js";
import type { TJob, TJobEvent } from "./analysis-jobs.schema.js";
import type { JobRow } from "./jobs.repository.js";

type JobEventRow = typeof schema.jobEvents.$inferSelect;

/** The row's own fields; job-view.ts adds names and, for staff, the failure's cause. */
export const toJobDto = (r: JobRow): Omit<TJob, "documents" | "accountName" | "errorCause"> => ({
  id: r.id,
  accountId: r.accountId,
  createdById: r.createdById,
  type: r.type,
  status: r.status,
  input: r.input,
  result: r.result ?? null,
  error: r.error,
  attempts: r.attempts,
  estimatedCostCents: r.estimatedCostCents,
  costCents: r.costCents,
  cancelRequestedAt: isoOrNull(r.cancelRequestedAt),
  queuedAt: iso(r.queuedAt),
  startedAt: isoOrNull(r.startedAt),
  finishedAt: isoOrNull(r.finishedAt),
  createdAt: iso(r.createdAt),
});

export const toJobEventDto = (r: JobEventRow): TJobEvent => ({
  id: r.id,
  jobId: r.jobId,
  seq: r.seq,
  type: r.type,
  message: r.message,
  data: r.data,
  durationMs: r.durationMs,
  costCents: r.costCents,
  occurredAt: iso(r.occurredAt),
});

export const isFinished = (status: JobRow["status"]) => status === "success" || status === "failed" || status === "cancelled";
