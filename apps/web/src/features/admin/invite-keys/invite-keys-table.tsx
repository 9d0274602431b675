import { Badge, Button, Code, Stack, Text } from "@mantine/core";
import type { TInviteKeyStatus } from "@atrium/sdk";
import { RowsTable, type Column } from "../../../components/data-table";
import { DateCell } from "../../../components/date-cell";
import type { InviteKey } from "../../../lib/trpc";

export const INVITE_KEY_STATUS_COLORS: Record<TInviteKeyStatus, string> = { active: "teal", used: "indigo", expired: "orange", revoked: "gray" };

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

function columns(onRevoke: (key: InviteKey) => void, revokingId?: string): Column<InviteKey>[] {
  return [
    { header: "Key", cell: (key) => <Code>{key.prefix}…</Code> },
    {
      header: "Notes",
      td: { maw: 260 },
      cell: (key) => (
        <Text size="sm" lineClamp={2} c={key.notes ? undefined : "dimmed"}>
          {key.notes ?? "—"}
        </Text>
      ),
    },
    {
      header: "Status",
      cell: (key) => (
        <Badge variant="light" color={INVITE_KEY_STATUS_COLORS[key.status]}>
          {key.status}
        </Badge>
      ),
    },
    {
      header: "Created",
      cell: (key) => (
        <Stack gap={0}>
          <DateCell iso={key.createdAt} />
          {key.createdByUsername && (
            <Text size="xs" c="dimmed">
              by {key.createdByUsername}
            </Text>
          )}
        </Stack>
      ),
    },
    { header: "Expires", cell: (key) => <DateCell iso={key.expiresAt} /> },
    {
      header: "Used by",
      cell: (key) =>
        key.usedByUsername ? (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {key.usedByUsername}
            </Text>
            {key.usedAt && <DateCell iso={key.usedAt} />}
          </Stack>
        ) : (
          dash
        ),
    },
    {
      td: { ta: "right" },
      cell: (key) =>
        key.status === "active" && (
          <Button size="compact-sm" variant="subtle" color="red" loading={revokingId === key.id} onClick={() => onRevoke(key)}>
            Revoke
          </Button>
        ),
    },
  ];
}

export function InviteKeysTable({ keys, onRevoke, revokingId }: { keys: InviteKey[]; onRevoke: (key: InviteKey) => void; revokingId?: string }) {
  return <RowsTable rows={keys} columns={columns(onRevoke, revokingId)} rowKey={(key) => key.id} rowProps={() => ({ "data-testid": "invite-key-row" })} minWidth={900} />;
}
