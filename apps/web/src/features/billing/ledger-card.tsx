// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/SegmentedControl.css";
import { EmptyState, Group, Paper, SegmentedControl, Text, Title } from "@mantine/core";
import { IconReceipt } from "@tabler/icons-react";
import { useState } from "react";
import { ListSkeleton } from "../../components/list-skeleton";
import { LoadMore } from "../../components/load-more";
import { QueryError } from "../../components/query-error";
import { ENTRY_TYPE_LABELS, ENTRY_TYPE_OPTIONS, isEntryType } from "./billing-labels";
import { LedgerTable } from "./ledger-table";
import { useLedger } from "./use-billing";

const FILTERS = [{ value: "all", label: "All" }, ...ENTRY_TYPE_OPTIONS];

/** Every change to the balance, one row each, with a filter by type. */
export function LedgerCard({ currency }: { currency: string }) {
  const [filter, setFilter] = useState("all");
  const type = isEntryType(filter) ? filter : null;
  const ledger = useLedger(type);

  let content;
  if (ledger.isPending) content = <ListSkeleton rows={5} label="Loading the ledger" />;
  else if (ledger.isError) content = <QueryError error={ledger.error} title="Couldn't load the ledger" onRetry={() => void ledger.refetch()} />;
  else if (ledger.data.length === 0) {
    content = (
      <EmptyState
        py="xl"
        icon={<IconReceipt size={28} />}
        variant="light"
        title={type ? `No ${ENTRY_TYPE_LABELS[type].toLowerCase()} entries` : "No transactions yet"}
        description={type ? "Pick another type to see the rest of the ledger." : "Top-ups, job costs and adjustments appear here, each with the balance after it."}
        data-testid="ledger-empty"
      />
    );
  } else {
    content = (
      <>
        <LedgerTable entries={ledger.data} currency={currency} />
        <LoadMore {...ledger} label="Load older entries" />
      </>
    );
  }

  return (
    <Paper withBorder radius="md">
      <Group justify="space-between" p="md" wrap="wrap" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
        <div>
          <Title order={4}>Ledger</Title>
          <Text size="sm" c="dimmed">
            Every change to the balance, newest first.
          </Text>
        </div>
        <SegmentedControl size="xs" data={FILTERS} value={filter} onChange={setFilter} aria-label="Filter by type" />
      </Group>
      <div style={ledger.isError ? { padding: "var(--mantine-spacing-md)" } : undefined} aria-busy={ledger.isFetching && !ledger.isFetchingNextPage}>
        {content}
      </div>
    </Paper>
  );
}
