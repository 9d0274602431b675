import { Badge, Button, EmptyState, Select, Table } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import { DateCell } from "../../components/date-cell";
import { UserCell } from "../../components/user-cell";
import { notifyError, notifySuccess } from "../../lib/notify";
import type { TeamMember } from "../../lib/trpc";
import { useCurrentUser } from "../auth/current-user";
import { isTeamRole, TEAM_ROLE_LABELS, TEAM_ROLE_OPTIONS } from "../organizations/roles";
import { useRemoveTeamMember, useSetTeamMember } from "./use-teams";

export function TeamMembersTable({ teamId, members, canManage }: { teamId: string; members: TeamMember[]; canManage: boolean }) {
  const { user } = useCurrentUser();
  const setRole = useSetTeamMember(teamId);
  const remove = useRemoveTeamMember(teamId);

  if (members.length === 0) {
    return <EmptyState py="xl" icon={<IconUsers size={28} />} variant="light" title="Nobody in this team yet" description="Add members of the organization below." />;
  }
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Member</Table.Th>
            <Table.Th w={160}>Team role</Table.Th>
            <Table.Th w={140}>Joined</Table.Th>
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => {
            const self = m.userId === user.id;
            return (
              <Table.Tr key={m.userId} data-testid="team-member-row">
                <Table.Td>
                  <UserCell username={m.username} displayName={m.displayName} badge={self && <Badge size="xs" variant="light">You</Badge>} />
                </Table.Td>
                <Table.Td>
                  {canManage ? (
                    <Select
                      size="xs"
                      aria-label={`Team role of ${m.username}`}
                      data={TEAM_ROLE_OPTIONS}
                      value={m.role}
                      allowDeselect={false}
                      onChange={(role) =>
                        isTeamRole(role) &&
                        role !== m.role &&
                        setRole.mutate(
                          { userId: m.userId, role },
                          { onSuccess: (t) => notifySuccess(`${t.username} is now team ${TEAM_ROLE_LABELS[t.role].toLowerCase()}.`), onError: (e) => notifyError(e, "Couldn't change the team role") },
                        )
                      }
                    />
                  ) : (
                    <Badge variant="light" color={m.role === "lead" ? "grape" : "gray"}>
                      {TEAM_ROLE_LABELS[m.role]}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <DateCell iso={m.joinedAt} />
                </Table.Td>
                <Table.Td ta="right">
                  {(self || canManage) && (
                    <Button size="compact-sm" variant="subtle" color="red" loading={remove.isPending && remove.variables === m.userId} onClick={() => remove.mutate(m.userId)}>
                      {self ? "Leave" : "Remove"}
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
