import { BarChart } from "@mantine/charts";
import { Badge, Button, Center, EmptyState, Group, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";
import { useState } from "react";
import type { TDateRangeInput } from "@atrium/sdk";
import { QueryError } from "../../../components/query-error";
import { formatCents, formatAxisCents } from "../../../lib/money";
import type { UsageCostsReport } from "../../../lib/trpc";
import { dayLabel, usageChart } from "./chart-data";
import { useUsageCosts } from "./use-admin-billing";

/** The report isn't paged (a bounded aggregate); show its first rows and the rest on request. */
const FIRST_ROWS = 20;

function UsageTable({ report }: { report: UsageCostsReport }) {
  const [showAll, setShowAll] = useState(false);
  const rows = [...report.rows].sort((a, b) => b.day.localeCompare(a.day) || b.totalCents - a.totalCents);
  const visible = showAll ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>Tenant</Table.Th>
              <Table.Th>Job type</Table.Th>
              <Table.Th ta="right">Runs</Table.Th>
              <Table.Th ta="right">Cost</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((r) => (
              <Table.Tr key={`${r.day}:${r.accountId}:${r.jobType}`} data-testid="usage-row">
                <Table.Td>
                  <Text size="sm" title={r.day}>
                    {dayLabel(r.day)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.accountName}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray" tt="none" radius="sm">
                    {r.jobType}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{r.runs}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                  {formatCents(r.totalCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>Total</Table.Th>
              <Table.Th ta="right">{report.totals.runs}</Table.Th>
              <Table.Th ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                {formatCents(report.totals.totalCents)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
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

  let content;
  if (usage.isPending) content = <Skeleton h={300} />;
  else if (usage.isError) content = <QueryError error={usage.error} title="Couldn't load the usage costs" onRetry={() => void usage.refetch()} />;
  else if (usage.data.rows.length === 0) {
    content = <EmptyState py="xl" icon={<IconChartBar size={28} />} variant="light" title="No job runs in this range" description="Each finished job run is costed and debited once; pick a wider range to see older ones." data-testid="usage-empty" />;
  } else {
    const chart = usageChart(usage.data);
    content = (
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
        <UsageTable report={usage.data} />
      </Stack>
    );
  }

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
      {content}
    </Paper>
  );
}
