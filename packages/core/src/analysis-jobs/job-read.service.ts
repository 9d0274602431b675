import type { ServiceContext } from "../shared/context.js";
import { toPage } from "../shared/pagination.js";
import type { TJob, TJobEventList, TJobEventsInput, TJobPage, TListJobsInput } from "./analysis-jobs.schema.js";
import { listJobEvents } from "./job-events.repository.js";
import { isFinished, toJobEventDto } from "./job-dto.js";
import { toJobView, toJobViews } from "./job-view.js";
import { resolveAccount, type TenantActor } from "../accounts/actor.service.js";
import { jobFor } from "./job.service.js";
import { findJobsPage } from "./jobs.repository.js";

export async function getJob(ctx: ServiceContext, actor: TenantActor, id: string): Promise<TJob> {
  return toJobView(ctx.db, await jobFor(ctx, actor, id, "data.read"), actor);
}

/** Jobs of one account (the caller's by default), newest first. */
export async function listJobs(ctx: ServiceContext, actor: TenantActor, input: TListJobsInput): Promise<TJobPage> {
  const accountId = resolveAccount(actor, input.accountId, "data.read");
  const rows = await findJobsPage(ctx.db, { accountIds: [accountId], status: input.status, type: input.type, limit: input.limit, cursor: input.cursor });
  const page = toPage(rows, input.limit, (r) => r);
  return { ...page, items: await toJobViews(ctx.db, page.items, actor) };
}

/** The timeline after `afterSeq`, with the job's status so a poller knows when to stop. */
export async function listEvents(ctx: ServiceContext, actor: TenantActor, input: TJobEventsInput): Promise<TJobEventList> {
  const job = await jobFor(ctx, actor, input.id, "data.read");
  const rows = await listJobEvents(ctx.db, job.id, input.afterSeq);
  return { items: rows.map(toJobEventDto), status: job.status, done: isFinished(job.status) };
}
