import { Badge, Code, Stack, Table, Text, Tooltip } from "@mantine/core";
import { formatDateTime, formatIp, formatRelative, humanValue } from "../../../lib/format";
import type { AuditEvent } from "../../../lib/trpc";
import { fileTypeLabel } from "../../documents/document-labels";
import { eventColor } from "./event-types";

/** `details` in one line; the full JSON on hover. */
function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <Text size="xs" c="dimmed">—</Text>;
  const line = entries.map(([k, v]) => `${k}: ${k === "mimeType" && typeof v === "string" ? fileTypeLabel(v) : humanValue(v)}`).join(", ");
  return (
    <Tooltip label={<pre style={{ margin: 0 }}>{JSON.stringify(details, null, 2)}</pre>} multiline maw={420}>
      <Text size="xs" c="dimmed" lineClamp={2} style={{ wordBreak: "break-all" }}>
        {line}
      </Text>
    </Tooltip>
  );
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>When</Table.Th>
            <Table.Th w={200}>Event</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th w="30%">Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id} data-testid="audit-row" data-event-type={e.eventType}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {formatDateTime(e.occurredAt)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatRelative(e.occurredAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={eventColor(e.eventType)} tt="none" radius="sm">
                  {e.eventType}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} c={e.actorUsername ? undefined : "dimmed"}>
                  {e.actorUsername ?? "system"}
                </Text>
              </Table.Td>
              <Table.Td>
                {e.targetType ? (
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {e.targetType}
                    </Text>
                    <Code fz="xs" title={e.targetId ?? undefined}>
                      {e.targetId ? `${e.targetId.slice(0, 8)}…` : "—"}
                    </Code>
                  </Stack>
                ) : (
                  <Text size="xs" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs" title={e.userAgent ?? undefined}>
                  {e.ipAddress ? formatIp(e.ipAddress) : "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Details details={e.details} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
