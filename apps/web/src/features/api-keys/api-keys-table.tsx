import { Badge, Button, Code, Table } from "@mantine/core";
import { DateCell } from "../../components/date-cell";
import type { ApiKey } from "../../lib/trpc";
import { keyStatus, STATUS_COLORS } from "./key-status";

export function ApiKeysTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => {
            const status = keyStatus(key);
            return (
              <Table.Tr key={key.id} data-testid="api-key-row">
                <Table.Td fw={500}>{key.name}</Table.Td>
                <Table.Td>
                  <Code>{key.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <DateCell iso={key.createdAt} empty="—" />
                </Table.Td>
                <Table.Td>
                  <DateCell iso={key.lastUsedAt} empty="Never" />
                </Table.Td>
                <Table.Td data-testid="api-key-expires">
                  {/* A revoked key never expires: it is already dead, and a future date would suggest otherwise. */}
                  {status === "revoked" ? "—" : <DateCell iso={key.expiresAt} empty="Never" />}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[status]}>
                    {status}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {status === "active" && (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRevoke(key)}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
