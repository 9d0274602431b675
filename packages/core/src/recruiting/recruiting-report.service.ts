import { resolveAccount, type TenantActor } from "../accounts/actor.service.js";
import type { ServiceContext } from "../shared/context.js";
import * as repo from "./recruiting-report.repository.js";
import { APPLICATION_SOURCES } from "./application.schema.js";
import { FUNNEL_STAGES, type TFunnelReport, type TRecruitingReportInput, type TSourceReport, type TTimeToHireReport } from "./recruiting-report.schema.js";

const DAY = 86_400_000;
const round = (n: number | null, places: number) => (n === null ? null : Math.round(n * 10 ** places) / 10 ** places);

/** The employer (recruiting roles and admins only) and the applications that count: arrived between the days given. */
function cohortOf(actor: TenantActor, input: TRecruitingReportInput): repo.Cohort {
  const accountId = resolveAccount(actor, input.accountId, "recruiting.read");
  return {
    accountId,
    from: input.from ? new Date(`${input.from}T00:00:00Z`) : undefined,
    until: input.to ? new Date(new Date(`${input.to}T00:00:00Z`).getTime() + DAY) : undefined,
  };
}

/** The pipeline funnel per posting and in total. */
export async function funnelReport(ctx: ServiceContext, actor: TenantActor, input: TRecruitingReportInput): Promise<TFunnelReport> {
  const rows = await repo.funnel(ctx.db, cohortOf(actor, input));
  const items = rows.map((r) => ({ postingId: r.posting_id, postingTitle: r.posting_title, applied: r.applied, screening: r.screening, interview: r.interview, offer: r.offer, hired: r.hired, rejected: r.rejected, withdrawn: r.withdrawn }));
  const sum = (k: (typeof FUNNEL_STAGES)[number] | "rejected" | "withdrawn") => items.reduce((n, i) => n + i[k], 0);
  return { items, total: { applied: sum("applied"), screening: sum("screening"), interview: sum("interview"), offer: sum("offer"), hired: sum("hired"), rejected: sum("rejected"), withdrawn: sum("withdrawn") } };
}

/** Time to hire in days (one decimal): median and average, per posting and overall. */
export async function timeToHireReport(ctx: ServiceContext, actor: TenantActor, input: TRecruitingReportInput): Promise<TTimeToHireReport> {
  const rows = await repo.timeToHire(ctx.db, cohortOf(actor, input));
  const times = (r: repo.HireTimeRow) => ({ hires: r.hires, medianDays: round(r.median_days, 1), averageDays: round(r.average_days, 1) });
  const overall = rows.find((r) => r.posting_id === null);
  return {
    overall: overall ? times(overall) : { hires: 0, medianDays: null, averageDays: null },
    items: rows.flatMap((r) => (r.posting_id === null ? [] : [{ postingId: r.posting_id, postingTitle: r.posting_title ?? "", ...times(r) }])),
  };
}

/** Applications and hires per source, every source listed (zeros included) so charts keep their shape. */
export async function sourceReport(ctx: ServiceContext, actor: TenantActor, input: TRecruitingReportInput): Promise<TSourceReport> {
  const rows = await repo.sources(ctx.db, cohortOf(actor, input));
  return {
    items: APPLICATION_SOURCES.map((source) => {
      const r = rows.find((x) => x.source === source);
      const applications = r?.applications ?? 0;
      const hires = r?.hires ?? 0;
      return { source, applications, hires, hireRate: applications ? round(hires / applications, 3) : null };
    }),
  };
}
