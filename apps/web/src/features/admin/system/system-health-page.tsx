import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { IconHeartbeat, IconRefresh } from "@tabler/icons-react";
import { PageHeader } from "../../../components/page-header";
import { ConfigCard } from "./config-card";
import { QueryError } from "../../../components/query-error";
import { formatRelative } from "../../../lib/format";
import type { HealthCheck, SystemHealth } from "../../../lib/trpc";
import { BackupsCard } from "./backups-card";
import { detailFacts, KIND_LABEL, STATUS_COLOR, STATUS_LABEL } from "./health-labels";
import { useSystemHealth } from "./use-system-health";

function StatusBadge({ status, size = "sm" }: { status: SystemHealth["status"]; size?: "sm" | "lg" }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === "ok" ? "light" : "filled"} size={size} data-status={status}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

function CheckRows({ checks }: { checks: HealthCheck[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>Name</Table.Th>
            <Table.Th w={130}>Status</Table.Th>
            <Table.Th w={100} ta="right">
              Latency
            </Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checks.map((c) => (
            <Table.Tr key={`${c.kind}:${c.name}`} data-testid="health-check" data-kind={c.kind} data-name={c.name} data-status={c.status}>
              <Table.Td ff="monospace" fz="sm" style={{ wordBreak: "break-all" }}>
                {c.name}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={c.status} />
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                <Text size="sm">{c.latencyMs === null ? "–" : `${c.latencyMs} ms`}</Text>
              </Table.Td>
              <Table.Td>
                {c.message && (
                  <Text size="sm" c={c.status === "ok" ? "dimmed" : `${STATUS_COLOR[c.status]}.8`}>
                    {c.message}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {detailFacts(c.details).join(" · ")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Staff: every dependency, worker and queue with a coloured status, checked on open and on "Refresh". */
export function SystemHealthPage() {
  const health = useSystemHealth();
  const header = (
    <PageHeader
      title="System"
      description="Health of the platform's parts, checked when the page opens; press Refresh to check again."
      actions={
        <Group gap="sm">
          <Button variant="default" leftSection={<IconRefresh size={16} />} loading={health.isFetching} onClick={() => void health.refetch()} data-testid="health-refresh">
            Refresh
          </Button>
          {health.data && <StatusBadge status={health.data.status} size="lg" />}
        </Group>
      }
    />
  );
  if (!health.data) {
    return (
      <>
        {header}
        {health.isError ? <QueryError error={health.error} title="Couldn't read the system health" onRetry={() => void health.refetch()} /> : <Skeleton h={300} />}
      </>
    );
  }
  const data = health.data;
  const kinds = [...new Set(data.checks.map((c) => c.kind))];
  return (
    <>
      {header}
      <Stack gap="lg" data-testid="system-health" data-status={data.status}>
        {health.isError && (
          <Alert color="orange" title="Refresh failed">
            Showing the answer from {formatRelative(data.checkedAt)}; press Refresh to try again.
          </Alert>
        )}
        {kinds.map((kind) => (
          <Paper key={kind} withBorder radius="md" p="md">
            <Group gap="xs" mb="xs">
              <IconHeartbeat size={18} />
              <Title order={5}>{KIND_LABEL[kind]}</Title>
            </Group>
            <CheckRows checks={data.checks.filter((c) => c.kind === kind)} />
          </Paper>
        ))}
        <Text size="xs" c="dimmed">
          Checked {formatRelative(data.checkedAt)}
        </Text>
        <ConfigCard />
        <BackupsCard />
      </Stack>
    </>
  );
}
