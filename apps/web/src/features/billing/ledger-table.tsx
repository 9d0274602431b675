import { Badge, Table, Text } from "@mantine/core";
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

/** Newest first; the amount is signed (credits up, debits down) and the balance is as it stood after the row. */
export function LedgerTable({ entries, currency }: { entries: LedgerEntry[]; currency: string }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>When</Table.Th>
            <Table.Th w={120}>Type</Table.Th>
            <Table.Th ta="right" w={130}>
              Amount
            </Table.Th>
            <Table.Th ta="right" w={140}>
              Balance after
            </Table.Th>
            <Table.Th>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id} data-testid="ledger-row" data-type={e.type}>
              <Table.Td>
                <Text size="sm" title={formatDateTime(e.createdAt)} style={{ whiteSpace: "nowrap" }}>
                  {formatRelative(e.createdAt)}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {formatDateTime(e.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={ENTRY_TYPE_COLORS[e.type]} radius="sm">
                  {ENTRY_TYPE_LABELS[e.type]}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600} c={amountColor(e.amountCents)} style={{ fontVariantNumeric: "tabular-nums" }} data-testid="ledger-amount">
                  {formatSignedCents(e.amountCents, currency)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" style={{ fontVariantNumeric: "tabular-nums" }}>
                  {formatCents(e.balanceAfterCents, currency)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {e.reason ? readableReason(e.reason) : <Text span c="dimmed">—</Text>}
                </Text>
                {e.actorUsername && (
                  <Text size="xs" c="dimmed">
                    by {e.actorUsername}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
