import { Badge, Button, Group } from "@mantine/core";
import { RowsTable, type Column } from "../../../components/data-table";
import { DateCell } from "../../../components/date-cell";
import { UserCell } from "../../../components/user-cell";
import type { AdminUser } from "../../../lib/trpc";

interface UsersTableProps {
  users: AdminUser[];
  selfId: string;
  onToggleActive: (user: AdminUser) => void;
  onResetPassword: (user: AdminUser) => void;
}

function columns({ selfId, onToggleActive, onResetPassword }: Omit<UsersTableProps, "users">): Column<AdminUser>[] {
  return [
    { header: "User", cell: (u) => <UserCell username={u.username} displayName={u.displayName} email={u.email} /> },
    {
      header: "Status",
      cell: (u) => (
        <Group gap={6}>
          <Badge variant="light" color={u.isActive ? "teal" : "red"}>
            {u.isActive ? "Active" : "Disabled"}
          </Badge>
          {u.isStaff && (
            <Badge variant="light" color="grape">
              Staff
            </Badge>
          )}
          {!u.emailVerifiedAt && (
            <Badge variant="light" color="yellow" title="The email address hasn't been confirmed">
              Unverified
            </Badge>
          )}
        </Group>
      ),
    },
    { header: "Last login", cell: (u) => <DateCell iso={u.lastLoginAt} empty="Never" /> },
    { header: "Joined", cell: (u) => <DateCell iso={u.createdAt} /> },
    {
      cell: (u) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button size="compact-sm" variant="subtle" onClick={() => onResetPassword(u)}>
            Reset password
          </Button>
          {/* The api refuses disabling yourself; don't offer it. */}
          {u.id !== selfId && (
            <Button size="compact-sm" variant="subtle" color={u.isActive ? "red" : "teal"} onClick={() => onToggleActive(u)}>
              {u.isActive ? "Disable" : "Enable"}
            </Button>
          )}
        </Group>
      ),
    },
  ];
}

export function UsersTable({ users, ...actions }: UsersTableProps) {
  return <RowsTable rows={users} columns={columns(actions)} rowKey={(u) => u.id} rowProps={(u) => ({ "data-testid": "admin-user-row", opacity: u.isActive ? 1 : 0.75 })} minWidth={820} />;
}
