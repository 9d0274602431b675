import { AreaChart, BarChart } from "@mantine/charts";
import { Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title, Group } from "@mantine/core";
import { IconCalendarRepeat, IconCash, IconTrendingDown, IconTrendingUp, type Icon } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { QueryError } from "../../../components/query-error";
import { formatCents, formatAxisCents } from "../../../lib/money";
import type { MetricsSummary } from "../../../lib/trpc";
import { dayLabel, revenueChart } from "./chart-data";
import { useMetricsSummary } from "./use-admin-billing";
import type { TDateRangeInput } from "@atrium/sdk";

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

function StatCard({ label, value, hint, icon: StatIcon, color, testId }: { label: string; value: ReactNode; hint: ReactNode; icon: Icon; color: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={700} tt="uppercase">
            {label}
          </Text>
          <Text fz={26} fw={700} lh={1.2} style={{ fontVariantNumeric: "tabular-nums" }} data-testid={`${testId}-value`}>
            {value}
          </Text>
        </Stack>
        <ThemeIcon variant="light" color={color} size="lg" radius="md">
          <StatIcon size={20} />
        </ThemeIcon>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {hint}
      </Text>
    </Paper>
  );
}

function StatCards({ summary }: { summary: MetricsSummary }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
      <StatCard testId="metric-mrr" label="MRR" value={formatCents(summary.mrr)} icon={IconCalendarRepeat} color="indigo" hint={`${summary.activeSubscriptions} active subscription${summary.activeSubscriptions === 1 ? "" : "s"} on ${dayLabel(summary.endDate)}`} />
      <StatCard testId="metric-arr" label="ARR" value={formatCents(summary.arr)} icon={IconTrendingUp} color="teal" hint="12 × MRR" />
      <StatCard
        testId="metric-churn"
        label="Churn rate"
        value={percent.format(summary.churnRate)}
        icon={IconTrendingDown}
        color="red"
        hint={`${summary.canceledInRange} of ${summary.activeAtStart} active at the start canceled`}
      />
      <StatCard testId="metric-topups" label="Top-up revenue" value={formatCents(summary.topupRevenueCents)} icon={IconCash} color="grape" hint="Checkout top-ups credited in the range" />
    </SimpleGrid>
  );
}

function ChartCard({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={5}>{title}</Title>
      <Text size="xs" c="dimmed" mb="md">
        {description}
      </Text>
      {children}
    </Paper>
  );
}

/** MRR, ARR, churn and top-up revenue over the range, with daily charts. */
export function RevenueMetrics({ range }: { range: TDateRangeInput }) {
  const metrics = useMetricsSummary(range);
  if (metrics.isPending) {
    return (
      <Stack>
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={112} radius="md" />
          ))}
        </SimpleGrid>
        <Skeleton h={300} radius="md" />
      </Stack>
    );
  }
  if (metrics.isError) return <QueryError error={metrics.error} title="Couldn't load the revenue metrics" onRetry={() => void metrics.refetch()} />;

  const data = revenueChart(metrics.data);
  const axis = { tickFormatter: (v: number) => formatAxisCents(v), width: 72 };
  return (
    <Stack data-testid="revenue-metrics" style={{ opacity: metrics.isPlaceholderData ? 0.6 : 1 }}>
      <StatCards summary={metrics.data} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard title="Monthly recurring revenue" description="Active subscriptions normalized to a month, at the end of each day.">
          <AreaChart h={260} data={data} dataKey="day" series={[{ name: "mrr", label: "MRR", color: "indigo.6" }]} curveType="monotone" valueFormatter={(v) => formatCents(v)} yAxisProps={axis} withDots={false} data-testid="mrr-chart" />
        </ChartCard>
        <ChartCard title="Top-ups by day" description="Checkout top-ups credited to balances each day.">
          <BarChart h={260} data={data} dataKey="day" series={[{ name: "topups", label: "Top-ups", color: "grape.6" }]} valueFormatter={(v) => formatCents(v)} yAxisProps={axis} data-testid="topups-chart" />
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}
