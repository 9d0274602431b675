import { Badge, Button, Group, Table } from "@mantine/core";
import { DateCell } from "../../../components/date-cell";
import { UserCell } from "../../../components/user-cell";
import type { AdminUser } from "../../../lib/trpc";

interface UsersTableProps {
  users: AdminUser[];
  selfId: string;
  onToggleActive: (user: AdminUser) => void;
  onResetPassword: (user: AdminUser) => void;
}

export function UsersTable({ users, selfId, onToggleActive, onResetPassword }: UsersTableProps) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>User</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last login</Table.Th>
            <Table.Th>Joined</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id} data-testid="admin-user-row" opacity={u.isActive ? 1 : 0.75}>
              <Table.Td>
                <UserCell username={u.username} displayName={u.displayName} email={u.email} />
              </Table.Td>
              <Table.Td>
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
              </Table.Td>
              <Table.Td>
                <DateCell iso={u.lastLoginAt} empty="Never" />
              </Table.Td>
              <Table.Td>
                <DateCell iso={u.createdAt} />
              </Table.Td>
              <Table.Td>
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
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
