import { Badge, Text } from "@mantine/core";
import type { Column } from "../../components/data-table";
import { formatDateTime, formatRelative } from "../../lib/format";
import { formatCents, formatSignedCents } from "../../lib/money";
import type { LedgerEntry } from "../../lib/trpc";
import { jobTypeLabel } from "../jobs/job-labels";
import { ENTRY_TYPE_COLORS, ENTRY_TYPE_LABELS } from "./billing-labels";

/** A job's debit is recorded as "<job_type> run"; people read the job type by its name. */
function readableReason(reason: string): string {
  const jobType = /^([a-z_]+) run$/.exec(reason)?.[1];
  return jobType ? `${jobTypeLabel(jobType)} run` : reason;
}

// Shade 9: the 7s are under 4.5:1 on white for text this small.
function amountColor(cents: number): string | undefined {
  if (cents > 0) return "teal.9";
  if (cents < 0) return "red.9";
  return undefined;
}

const NUMERIC = { fontVariantNumeric: "tabular-nums" } as const;

/** Newest first; the amount is signed (credits up, debits down) and the balance is as it stood after the row. */
export function ledgerColumns(currency: string): Column<LedgerEntry>[] {
  return [
    {
      header: "When",
      th: { w: 190 },
      cell: (e) => (
        <>
          <Text size="sm" title={formatDateTime(e.createdAt)} style={{ whiteSpace: "nowrap" }}>
            {formatRelative(e.createdAt)}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            {formatDateTime(e.createdAt)}
          </Text>
        </>
      ),
    },
    {
      header: "Type",
      th: { w: 120 },
      cell: (e) => (
        <Badge variant="light" color={ENTRY_TYPE_COLORS[e.type]} radius="sm">
          {ENTRY_TYPE_LABELS[e.type]}
        </Badge>
      ),
    },
    {
      header: "Amount",
      th: { w: 130, ta: "right" },
      td: { ta: "right" },
      cell: (e) => (
        <Text size="sm" fw={600} c={amountColor(e.amountCents)} style={NUMERIC} data-testid="ledger-amount">
          {formatSignedCents(e.amountCents, currency)}
        </Text>
      ),
    },
    {
      header: "Balance after",
      th: { w: 140, ta: "right" },
      td: { ta: "right" },
      cell: (e) => (
        <Text size="sm" style={NUMERIC}>
          {formatCents(e.balanceAfterCents, currency)}
        </Text>
      ),
    },
    {
      header: "Reason",
      cell: (e) => (
        <>
          <Text size="sm" lineClamp={2}>
            {e.reason ? readableReason(e.reason) : <Text span c="dimmed">—</Text>}
          </Text>
          {e.actorUsername && (
            <Text size="xs" c="dimmed">
              by {e.actorUsername}
            </Text>
          )}
        </>
      ),
    },
  ];
}
