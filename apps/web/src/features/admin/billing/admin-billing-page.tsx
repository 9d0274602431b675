import "@mantine/dates/styles.css";
// With the page, not in main.tsx: the charts chunk (and its CSS) loads only when staff open it.
import "@mantine/charts/styles.css";
import { Box, Button, Group, Stack, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconCalendar, IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useSearchParams } from "react-router";
import type { TDateRangeInput } from "@atrium/sdk";
import { PageHeader } from "../../../components/page-header";
import { AdjustForm } from "./adjust-form";
import { PricesCard } from "./prices-card";
import { RevenueMetrics } from "./revenue-metrics";
import { UsageCostsCard } from "./usage-costs-card";
import { ledgerExportUrl } from "./use-admin-billing";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The range lives in the URL, so a view can be bookmarked; no range means the api's default (the last 30 days). */
function useRangeFromUrl(): [TDateRangeInput, (start: string | null, end: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const day = (key: string) => {
    const value = params.get(key);
    return value && ISO_DAY.test(value) ? value : undefined;
  };
  const range: TDateRangeInput = { startDate: day("startDate"), endDate: day("endDate") };
  const set = (start: string | null, end: string | null) => {
    const out = new URLSearchParams();
    if (start) out.set("startDate", start);
    if (end) out.set("endDate", end);
    setParams(out, { replace: true });
  };
  return [range, set];
}

/** Keeps a half-picked range locally: the URL (and the queries) change only once both ends are chosen, or cleared. */
function RangePicker({ range, onChange }: { range: TDateRangeInput; onChange: (start: string | null, end: string | null) => void }) {
  const [draft, setDraft] = useState<[string | null, string | null]>([range.startDate ?? null, range.endDate ?? null]);
  return (
    <DatePickerInput
      type="range"
      label="Date range"
      placeholder="Last 30 days"
      clearable
      allowSingleDateInRange
      valueFormat="MMM D, YYYY"
      leftSection={<IconCalendar size={16} />}
      miw={260}
      value={draft}
      onChange={([start, end]) => {
        setDraft([start, end]);
        if ((start && end) || (!start && !end)) onChange(start, end);
      }}
    />
  );
}

/** Staff: revenue metrics, usage costs, the price table, manual adjustments and the ledger export. */
export function AdminBillingPage() {
  const [range, setRange] = useRangeFromUrl();
  return (
    <>
      <PageHeader
        title="Billing"
        description="Revenue, usage costs, prices and balance adjustments across every tenant."
        actions={
          <Group gap="sm" align="flex-end">
            <RangePicker range={range} onChange={setRange} />
            {/* A plain download of the same days: same origin, so the session cookie goes along. */}
            <Button component="a" href={ledgerExportUrl(range)} download variant="light" leftSection={<IconDownload size={16} />} data-testid="ledger-export">
              Export ledger CSV
            </Button>
          </Group>
        }
      />
      <Stack gap="xl">
        <section>
          <Title order={3} mb="sm">
            Revenue
          </Title>
          <RevenueMetrics range={range} />
        </section>
        <section>
          <Title order={3} mb="sm">
            Usage
          </Title>
          <UsageCostsCard range={range} />
        </section>
        <section>
          <Title order={3} mb="sm">
            Adjustments
          </Title>
          <Box maw={720}>
            <AdjustForm />
          </Box>
        </section>
        <section>
          <Title order={3} mb="sm">
            Prices
          </Title>
          <Box maw={720}>
            <PricesCard />
          </Box>
        </section>
      </Stack>
    </>
  );
}
