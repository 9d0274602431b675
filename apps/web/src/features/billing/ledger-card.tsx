// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/SegmentedControl.css";
import { EmptyState, SegmentedControl } from "@mantine/core";
import { IconReceipt } from "@tabler/icons-react";
import { useState } from "react";
import { DataTable } from "../../components/data-table";
import { ENTRY_TYPE_LABELS, ENTRY_TYPE_OPTIONS, isEntryType } from "./billing-labels";
import { ledgerColumns } from "./ledger-table";
import { useLedger } from "./use-billing";

const FILTERS = [{ value: "all", label: "All" }, ...ENTRY_TYPE_OPTIONS];

/** Every change to the balance, one row each, with a filter by type. */
export function LedgerCard({ currency }: { currency: string }) {
  const [filter, setFilter] = useState("all");
  const type = isEntryType(filter) ? filter : null;
  const ledger = useLedger(type);

  return (
    <DataTable
      query={ledger}
      title="Ledger"
      description="Every change to the balance, newest first."
      controls={<SegmentedControl size="xs" data={FILTERS} value={filter} onChange={setFilter} aria-label="Filter by type" />}
      columns={ledgerColumns(currency)}
      rowKey={(e) => e.id}
      rowProps={(e) => ({ "data-testid": "ledger-row", "data-type": e.type })}
      minWidth={720}
      errorTitle="Couldn't load the ledger"
      loadingLabel="Loading the ledger"
      loadingRows={5}
      loadMoreLabel="Load older entries"
      empty={
        <EmptyState
          py="xl"
          icon={<IconReceipt size={28} />}
          variant="light"
          title={type ? `No ${ENTRY_TYPE_LABELS[type].toLowerCase()} entries` : "No transactions yet"}
          description={type ? "Pick another type to see the rest of the ledger." : "Top-ups, job costs and adjustments appear here, each with the balance after it."}
          data-testid="ledger-empty"
        />
      }
    />
  );
}
