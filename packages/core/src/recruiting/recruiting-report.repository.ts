import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@atrium/db";

/** An employer's applications that arrived in [from, until). */
export interface Cohort {
  accountId: string;
  from?: Date;
  until?: Date;
}

const where = (c: Cohort): SQL =>
  sql.join([sql`a.account_id = ${c.accountId}`, ...(c.from ? [sql`a.applied_at >= ${c.from}`] : []), ...(c.until ? [sql`a.applied_at < ${c.until}`] : [])], sql` and `);

/** A stage's place in the funnel; exits (rejected, withdrawn) rank nowhere. */
const rank = (status: SQL) => sql`(case ${status} when 'applied' then 1 when 'screening' then 2 when 'interview' then 3 when 'offer' then 4 when 'hired' then 5 else 0 end)`;

/** When the application was hired: its own mark, else its move to hired. */
const hiredAt = sql`coalesce(a.hired_at, (select min(h.at) from application_stage_changes h where h.application_id = a.id and h.to_status = 'hired'))`;

export interface FunnelRow extends Record<string, unknown> {
  posting_id: string;
  posting_title: string;
  applied: number;
  screening: number;
  interview: number;
  offer: number;
  hired: number;
  rejected: number;
  withdrawn: number;
}

/**
 * Per posting, applications that reached each stage: the furthest stage an application
 * ever got to (its moves, or its status now), so one moved straight to offer counts for
 * screening and interview too, and one rejected after interviewing still counts there.
 */
export async function funnel(db: DbOrTx, c: Cohort): Promise<FunnelRow[]> {
  const { rows } = await db.execute<FunnelRow>(sql`
    with apps as (
      select a.posting_id, a.status,
        greatest(1, ${rank(sql`a.status::text`)}, coalesce((select max(${rank(sql`s.to_status::text`)}) from application_stage_changes s where s.application_id = a.id), 0)) as reached
      from applications a where ${where(c)}
    )
    select p.id as posting_id, p.title as posting_title,
      count(*) filter (where reached >= 1)::int as applied,
      count(*) filter (where reached >= 2)::int as screening,
      count(*) filter (where reached >= 3)::int as interview,
      count(*) filter (where reached >= 4)::int as offer,
      count(*) filter (where reached >= 5)::int as hired,
      count(*) filter (where apps.status = 'rejected')::int as rejected,
      count(*) filter (where apps.status = 'withdrawn')::int as withdrawn
    from apps join job_postings p on p.id = apps.posting_id
    group by p.id, p.title order by p.title, p.id`);
  return rows;
}

export interface HireTimeRow extends Record<string, unknown> {
  posting_id: string | null;
  posting_title: string | null;
  hires: number;
  median_days: number | null;
  average_days: number | null;
}

/** Days from applying to hired, per posting and (the row whose posting is null) overall, in one pass. */
export async function timeToHire(db: DbOrTx, c: Cohort): Promise<HireTimeRow[]> {
  const { rows } = await db.execute<HireTimeRow>(sql`
    with hires as (
      select a.posting_id, extract(epoch from (${hiredAt} - a.applied_at)) / 86400.0 as days
      from applications a where ${where(c)} and (a.status = 'hired' or a.hired_at is not null)
    )
    select h.posting_id, p.title as posting_title, count(h.days)::int as hires,
      (percentile_cont(0.5) within group (order by h.days))::float8 as median_days, avg(h.days)::float8 as average_days
    from hires h left join job_postings p on p.id = h.posting_id
    where h.days is not null
    group by grouping sets ((h.posting_id, p.title), ())
    order by p.title nulls first, h.posting_id`);
  return rows;
}

export interface SourceRow extends Record<string, unknown> {
  source: string;
  applications: number;
  hires: number;
}

export async function sources(db: DbOrTx, c: Cohort): Promise<SourceRow[]> {
  const { rows } = await db.execute<SourceRow>(sql`
    select a.source::text as source, count(*)::int as applications, count(*) filter (where a.status = 'hired' or a.hired_at is not null)::int as hires
    from applications a where ${where(c)} group by a.source`);
  return rows;
}
