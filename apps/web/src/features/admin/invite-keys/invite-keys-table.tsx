import { Badge, Button, Code, Stack, Table, Text } from "@mantine/core";
import type { TInviteKeyStatus } from "@atrium/sdk";
import { DateCell } from "../../../components/date-cell";
import type { InviteKey } from "../../../lib/trpc";

export const INVITE_KEY_STATUS_COLORS: Record<TInviteKeyStatus, string> = { active: "teal", used: "indigo", expired: "orange", revoked: "gray" };

export function InviteKeysTable({ keys, onRevoke, revokingId }: { keys: InviteKey[]; onRevoke: (key: InviteKey) => void; revokingId?: string }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Notes</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Used by</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key.id} data-testid="invite-key-row">
              <Table.Td>
                <Code>{key.prefix}…</Code>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm" lineClamp={2} c={key.notes ? undefined : "dimmed"}>
                  {key.notes ?? "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={INVITE_KEY_STATUS_COLORS[key.status]}>
                  {key.status}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <DateCell iso={key.createdAt} />
                  {key.createdByUsername && (
                    <Text size="xs" c="dimmed">
                      by {key.createdByUsername}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <DateCell iso={key.expiresAt} />
              </Table.Td>
              <Table.Td>
                {key.usedByUsername ? (
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {key.usedByUsername}
                    </Text>
                    {key.usedAt && <DateCell iso={key.usedAt} />}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {key.status === "active" && (
                  <Button size="compact-sm" variant="subtle" color="red" loading={revokingId === key.id} onClick={() => onRevoke(key)}>
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
