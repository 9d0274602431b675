import { Badge, Box, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconServer } from "@tabler/icons-react";
import { QueryError } from "../../../components/query-error";
import { formatDateTime, formatRelative } from "../../../lib/format";
import type { QueueStatus } from "../../../lib/trpc";
import { useQueueStatus } from "./use-admin-jobs";

/** A worker that hasn't checked in for this long is probably gone. */
const STALE_MS = 30_000;

/** The color a non-zero count is drawn in; null for counts that are normal at any size (schedules sit in "delayed"). */
const COUNTS = [
  ["waiting", "Waiting", "yellow"],
  ["active", "Active", "blue"],
  ["delayed", "Delayed", null],
  ["failed", "Failed", "red"],
  ["completed", "Completed", null],
] as const;

function Queues({ queues }: { queues: QueueStatus["queues"] }) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" data-testid="queue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Queue</Table.Th>
            {COUNTS.map(([key, label]) => (
              <Table.Th key={key} ta="right">
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queues.map((q) => (
            <Table.Tr key={q.name} data-testid="queue-row" data-queue={q.name}>
              <Table.Td ff="monospace" fz="sm">
                {q.name}
              </Table.Td>
              {COUNTS.map(([key, , color]) => (
                <Table.Td key={key} ta="right">
                  <Text size="sm" fw={q[key] > 0 && color ? 700 : 400} c={q[key] > 0 && color ? `${color}.7` : undefined} style={{ fontVariantNumeric: "tabular-nums" }}>
                    {q[key].toLocaleString()}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Workers({ workers }: { workers: QueueStatus["workers"] }) {
  if (workers.length === 0) {
    return (
      <Group gap="xs" p="sm" data-testid="no-workers">
        <Box w={8} h={8} bg="red.6" style={{ borderRadius: "50%" }} />
        <Text size="sm" c="red.7">
          No worker is running: queued jobs will wait until one starts.
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap="xs">
      {workers.map((w) => {
        const fresh = Date.now() - new Date(w.lastSeenAt).getTime() < STALE_MS;
        return (
          <Group key={w.id} justify="space-between" wrap="wrap" gap="xs" data-testid="worker-row">
            <Group gap="xs" wrap="nowrap" miw={0}>
              <Box w={8} h={8} bg={fresh ? "teal.6" : "orange.6"} style={{ borderRadius: "50%", flexShrink: 0 }} />
              <Text size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
                {w.id}
              </Text>
            </Group>
            <Group gap="xs" wrap="wrap">
              {w.queues.map((q) => (
                <Badge key={q} size="sm" variant="light" color="gray" tt="none" style={{ overflow: "visible" }}>
                  {q}
                </Badge>
              ))}
              <Tooltip label={formatDateTime(w.lastSeenAt)}>
                <Text size="xs" c={fresh ? "dimmed" : "orange.7"} style={{ whiteSpace: "nowrap" }}>
                  seen {formatRelative(w.lastSeenAt)}
                </Text>
              </Tooltip>
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}

/** Queue depth per queue and the workers serving them, refreshed as jobs move (the stream). */
export function QueueStatusCard() {
  const status = useQueueStatus();
  let queues;
  let workers;
  if (status.isPending) {
    queues = <Skeleton h={90} />;
    workers = <Skeleton h={60} />;
  } else if (status.isError) {
    queues = <QueryError error={status.error} title="Couldn't read the queues" onRetry={() => void status.refetch()} />;
    workers = null;
  } else {
    queues = <Queues queues={status.data.queues} />;
    workers = <Workers workers={status.data.workers} />;
  }
  return (
    <SimpleGrid cols={1} spacing="lg">
      <Paper withBorder radius="md" p="md">
        <Title order={5} mb="xs">
          Queues
        </Title>
        {queues}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Group gap="xs" mb="xs">
          <IconServer size={18} />
          <Title order={5}>Workers</Title>
          {status.data && (
            <Badge variant="light" color={status.data.workers.length ? "teal" : "red"} size="sm">
              {status.data.workers.length} live
            </Badge>
          )}
        </Group>
        {workers}
      </Paper>
    </SimpleGrid>
  );
}
