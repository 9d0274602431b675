import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { FUNNEL_STAGES } from "@atrium/sdk";
import type { FunnelReport, SourceReport, TimeToHireReport } from "./use-reports";

// The chart library (recharts under @mantine/charts) is this module's alone, loaded when the reports page draws.

const STAGE_LABELS: Record<(typeof FUNNEL_STAGES)[number], string> = { applied: "Applied", screening: "Screening", interview: "Interview", offer: "Offer", hired: "Hired" };
const FIGURE = { margin: 0 } as const;

export const SOURCE_LABELS: Record<SourceReport["items"][number]["source"], string> = { job_board: "Job board", direct_link: "Direct link", referral: "Referral", other: "Other" };

/** A bar chart as a figure named for what it shows (a BarChart's own div may not carry an aria-label). */
function ReportChart({ label, data, dataKey, series }: { label: string; data: Array<Record<string, string | number>>; dataKey: string; series: Array<{ name: string; color: string }> }) {
  return (
    <figure aria-label={label} style={FIGURE}>
      <BarChart h={260} data={data} dataKey={dataKey} series={series} tickLine="y" />
    </figure>
  );
}

export function FunnelChart({ report }: { report: FunnelReport }) {
  const data = FUNNEL_STAGES.map((stage) => ({ stage: STAGE_LABELS[stage], Applications: report.total[stage] }));
  return <ReportChart label="Pipeline funnel" data={data} dataKey="stage" series={[{ name: "Applications", color: "blue.6" }]} />;
}

export function TimeToHireChart({ report }: { report: TimeToHireReport }) {
  const data = report.items.map((r) => ({ posting: r.postingTitle, "Median days": r.medianDays ?? 0, "Average days": r.averageDays ?? 0 }));
  const series = [
    { name: "Median days", color: "teal.6" },
    { name: "Average days", color: "gray.5" },
  ];
  return <ReportChart label="Time to hire per posting" data={data} dataKey="posting" series={series} />;
}

export function SourceChart({ report }: { report: SourceReport }) {
  const data = report.items.map((r) => ({ source: SOURCE_LABELS[r.source], Applications: r.applications, Hires: r.hires }));
  const series = [
    { name: "Applications", color: "blue.6" },
    { name: "Hires", color: "green.6" },
  ];
  return <ReportChart label="Source of candidates" data={data} dataKey="source" series={series} />;
}
