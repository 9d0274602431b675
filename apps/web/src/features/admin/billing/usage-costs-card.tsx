import { BarChart } from "@mantine/charts";
import { Badge, Button, Center, EmptyState, Group, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";
import { useState } from "react";
import type { TDateRangeInput } from "@atrium/sdk";
import { RowsTable, type Column } from "../../../components/data-table";
import { QueryState } from "../../../components/query-state";
import { formatCents, formatAxisCents } from "../../../lib/money";
import type { UsageCostsReport } from "../../../lib/trpc";
import { dayLabel, usageChart } from "./chart-data";
import { useUsageCosts } from "./use-admin-billing";

/** The report isn't paged (a bounded aggregate); show its first rows and the rest on request. */
const FIRST_ROWS = 20;

type UsageRow = UsageCostsReport["rows"][number];
const NUMERIC = { fontVariantNumeric: "tabular-nums" } as const;

const COLUMNS: Column<UsageRow>[] = [
  {
    header: "Day",
    cell: (r) => (
      <Text size="sm" title={r.day}>
        {dayLabel(r.day)}
      </Text>
    ),
  },
  { header: "Tenant", cell: (r) => <Text size="sm">{r.accountName}</Text> },
  {
    header: "Job type",
    cell: (r) => (
      <Badge variant="light" color="gray" tt="none" radius="sm">
        {r.jobType}
      </Badge>
    ),
  },
  { header: "Runs", th: { ta: "right" }, td: { ta: "right" }, cell: (r) => r.runs },
  { header: "Cost", th: { ta: "right" }, td: { ta: "right", style: NUMERIC }, cell: (r) => formatCents(r.totalCents) },
];

function UsageTable({ report }: { report: UsageCostsReport }) {
  const [showAll, setShowAll] = useState(false);
  const rows = [...report.rows].sort((a, b) => b.day.localeCompare(a.day) || b.totalCents - a.totalCents);
  const visible = showAll ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <>
      <RowsTable
        rows={visible}
        columns={COLUMNS}
        rowKey={(r) => `${r.day}:${r.accountId}:${r.jobType}`}
        rowProps={() => ({ "data-testid": "usage-row" })}
        verticalSpacing="xs"
        footer={
          <>
            <Table.Th colSpan={3}>Total</Table.Th>
            <Table.Th ta="right">{report.totals.runs}</Table.Th>
            <Table.Th ta="right" style={NUMERIC}>
              {formatCents(report.totals.totalCents)}
            </Table.Th>
          </>
        }
      />
      {rows.length > FIRST_ROWS && (
        <Center pt="sm">
          <Button variant="default" size="xs" onClick={() => setShowAll((v) => !v)}>
            {showAll ? "Show fewer" : `Show all ${rows.length} rows`}
          </Button>
        </Center>
      )}
    </>
  );
}

/** What job runs cost, by day (chart, stacked by job type) and by tenant, day and job type (table). */
export function UsageCostsCard({ range }: { range: TDateRangeInput }) {
  const usage = useUsageCosts(range);

  return (
    <Paper withBorder radius="md" p="md" data-testid="usage-costs">
      <Group justify="space-between" align="flex-start" mb="md">
        <div>
          <Title order={4}>Usage costs</Title>
          <Text size="sm" c="dimmed">
            Job runs costed per tenant, day and job type.
          </Text>
        </div>
        {usage.data && (
          <Text size="sm" fw={600} style={{ fontVariantNumeric: "tabular-nums" }}>
            {formatCents(usage.data.totals.totalCents)} · {usage.data.totals.runs} runs
          </Text>
        )}
      </Group>
      <QueryState
        query={usage}
        errorTitle="Couldn't load the usage costs"
        loading={<Skeleton h={300} />}
        isEmpty={(report) => report.rows.length === 0}
        empty={<EmptyState py="xl" icon={<IconChartBar size={28} />} variant="light" title="No job runs in this range" description="Each finished job run is costed and debited once; pick a wider range to see older ones." data-testid="usage-empty" />}
      >
        {(report) => {
          const chart = usageChart(report);
          return (
            <Stack style={{ opacity: usage.isPlaceholderData ? 0.6 : 1 }}>
              <BarChart
                h={240}
                data={chart.data}
                dataKey="day"
                type="stacked"
                series={chart.series}
                withLegend
                valueFormatter={(v) => formatCents(v)}
                yAxisProps={{ tickFormatter: (v: number) => formatAxisCents(v), width: 64 }}
                data-testid="usage-chart"
              />
              <UsageTable report={report} />
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}
