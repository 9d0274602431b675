import { Badge, Button, Code } from "@mantine/core";
import { IconKey } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { DataTable, type Column } from "../../components/data-table";
import type { QueryLike } from "../../components/query-state";
import { DateCell } from "../../components/date-cell";
import type { ApiKey } from "../../lib/trpc";
import { keyStatus, STATUS_COLORS } from "./key-status";

function columns(onRevoke: (key: ApiKey) => void): Column<ApiKey>[] {
  return [
    { header: "Name", cell: (key) => key.name, td: { fw: 500 } },
    { header: "Key", cell: (key) => <Code>{key.prefix}…</Code> },
    { header: "Created", cell: (key) => <DateCell iso={key.createdAt} empty="—" /> },
    { header: "Last used", cell: (key) => <DateCell iso={key.lastUsedAt} empty="Never" /> },
    {
      header: "Expires",
      // A revoked key never expires: it is already dead, and a future date would suggest otherwise.
      cell: (key) => (keyStatus(key) === "revoked" ? "—" : <DateCell iso={key.expiresAt} empty="Never" />),
      td: { "data-testid": "api-key-expires" } as object,
    },
    {
      header: "Status",
      cell: (key) => (
        <Badge variant="light" color={STATUS_COLORS[keyStatus(key)]}>
          {keyStatus(key)}
        </Badge>
      ),
    },
    {
      cell: (key) =>
        keyStatus(key) === "active" && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRevoke(key)}>
            Revoke
          </Button>
        ),
      td: { ta: "right" },
    },
  ];
}

export function ApiKeysTable({ query, onRevoke, createButton }: { query: QueryLike<ApiKey[]>; onRevoke: (key: ApiKey) => void; createButton: ReactNode }) {
  return (
    <DataTable
      query={query}
      columns={columns(onRevoke)}
      rowKey={(key) => key.id}
      rowProps={() => ({ "data-testid": "api-key-row" })}
      minWidth={760}
      errorTitle="Couldn't load your API keys"
      loadingLabel="Loading keys"
      empty={{
        icon: <IconKey size={28} />,
        title: "No API keys yet",
        description: "Keys let scripts, the SDK and curl act as you. Create one to get started.",
        action: createButton,
      }}
    />
  );
}
