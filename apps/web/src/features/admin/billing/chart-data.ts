import dayjs from "dayjs";
import type { MetricsSummary, UsageCostsReport } from "../../../lib/trpc";

/** Job types get colors in the order they first appear; more types than colors wrap around. */
const SERIES_COLORS = ["indigo.6", "teal.6", "orange.6", "grape.6", "cyan.6", "pink.6", "lime.7", "yellow.7"];

export const dayLabel = (day: string) => dayjs(day).format("MMM D");

/** Every day from start to end (YYYY-MM-DD, inclusive), so quiet days show as gaps rather than vanish. */
export function daysBetween(startDate: string, endDate: string): string[] {
  const out: string[] = [];
  const end = dayjs(endDate);
  for (let d = dayjs(startDate); !d.isAfter(end, "day") && out.length < 400; d = d.add(1, "day")) out.push(d.format("YYYY-MM-DD"));
  return out;
}

/**
 * Usage costs as one bar per day, stacked by job type (values in cents). Series
 * get plain keys (`t0`, `t1`…) and the job type as their label: recharts reads a
 * dotted key like "document.analyze" as a path into the row.
 */
export function usageChart(report: UsageCostsReport) {
  const jobTypes = [...new Set(report.rows.map((r) => r.jobType))];
  const keyOf = new Map(jobTypes.map((t, i) => [t, `t${i}`]));
  const byDay = new Map<string, Record<string, number>>();
  for (const row of report.rows) {
    const totals = byDay.get(row.day) ?? {};
    totals[row.jobType] = (totals[row.jobType] ?? 0) + row.totalCents;
    byDay.set(row.day, totals);
  }
  const data = daysBetween(report.startDate, report.endDate).map((day) => {
    const totals = byDay.get(day) ?? {};
    return { day: dayLabel(day), ...Object.fromEntries(jobTypes.map((t) => [keyOf.get(t), totals[t] ?? 0])) };
  });
  const series = jobTypes.map((label, i) => ({ name: `t${i}`, label, color: SERIES_COLORS[i % SERIES_COLORS.length] ?? "gray.6", stackId: "cost" }));
  return { data, series };
}

/** The metrics' daily series with readable day labels (values in cents). */
export function revenueChart(summary: MetricsSummary) {
  return summary.series.map((p) => ({ day: dayLabel(p.day), mrr: p.mrr, topups: p.topupCents }));
}
