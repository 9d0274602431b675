import type DataLoader from "dataloader";
import type { DbOrTx } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import { notify, type NotifyInput } from "../notifications/notification.service.js";
import { insertManyIfWanted } from "../notifications/notification.repository.js";
import { userTopic } from "../realtime/realtime.schema.js";
import { publishEvent } from "../realtime/realtime.service.js";
import type { JobRow } from "./jobs.repository.js";
import { groupCommit } from "./job-writes.js";

/**
 * Jobs that ran at least this long also email their outcome (when the user's
 * preference for the kind is `email`); shorter ones only ring the bell: the
 * person who started them is most likely still watching.
 */
export const JOB_EMAIL_MIN_RUN_MS = 5 * 60_000;

const TYPE_NAMES: Record<string, string> = {
  document_analysis: "Document analysis",
  resume_match: "Resume match",
  worklog_summary: "Worklog summary",
  noop: "Test job",
};

/**
 * Tells the person who started the job how it ended (after its final state
 * committed). A job without a starter (its user deleted) tells no one. Never
 * throws: the job's outcome is already recorded.
 */
export async function notifyJobOutcome(ctx: ServiceContext, job: JobRow, outcome: { status: "success" | "failed"; error?: string }): Promise<void> {
  if (!job.createdById) return;
  const name = TYPE_NAMES[job.type] ?? job.type;
  const ranMs = ctx.now().getTime() - (job.startedAt ?? job.createdAt).getTime();
  const ok = outcome.status === "success";
  const input: NotifyInput = {
    userId: job.createdById,
    accountId: job.accountId,
    kind: ok ? "job.finished" : "job.failed",
    title: ok ? `${name} finished` : `${name} failed`,
    body: ok ? `Your ${name.toLowerCase()} job is done.` : `Your ${name.toLowerCase()} job failed: ${outcome.error ?? "unknown error"}`,
    link: `/jobs/${job.id}`,
  };
  // A long run may also email (notify's outbox path); a short one only rings the bell, batched with the
  // process' other outcomes in one statement (the same rules as notify's: channel, live user, `off`).
  const sent = ranMs >= JOB_EMAIL_MIN_RUN_MS ? notify(ctx, input) : bellOnly(ctx, input);
  await sent.catch((err: unknown) => ctx.logger.warn({ err, jobId: job.id }, "job notification not written"));
}

type Bell = Omit<NotifyInput, "email">;
const bells = new WeakMap<object, DataLoader<Bell, string | null>>();

async function bellOnly(ctx: ServiceContext, input: Bell): Promise<void> {
  let loader = bells.get(ctx.db);
  if (!loader) {
    const db: DbOrTx = ctx.db;
    bells.set(db, (loader = groupCommit(async (items) => (await insertManyIfWanted(db, items.map((i) => ({ ...i, accountId: i.accountId ?? null, link: i.link ?? null })))).map((r) => r.id))));
  }
  const notificationId = await loader.load(input);
  if (notificationId) await publishEvent(ctx, [userTopic(input.userId)], { type: "notification.created", notificationId, kind: input.kind });
}
