import { Badge, Button, EmptyState, Select } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import { DataTable } from "../../components/data-table";
import { memberColumns } from "../../components/member-columns";
import { notifyError, notifySuccess } from "../../lib/notify";
import type { TeamMember } from "../../lib/trpc";
import { useCurrentUser } from "../auth/current-user";
import { isTeamRole, TEAM_ROLE_LABELS, TEAM_ROLE_OPTIONS } from "../organizations/roles";
import { useRemoveTeamMember, useSetTeamMember, type useTeamMembers } from "./use-teams";

interface TeamMembersTableProps {
  teamId: string;
  query: ReturnType<typeof useTeamMembers>;
  canManage: boolean;
}

export function TeamMembersTable({ teamId, query, canManage }: TeamMembersTableProps) {
  const { user } = useCurrentUser();
  const setRole = useSetTeamMember(teamId);
  const remove = useRemoveTeamMember(teamId);

  const columns = memberColumns<TeamMember>({
    selfId: user.id,
    roleHeader: "Team role",
    roleWidth: 160,
    role: (m) =>
      canManage ? (
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
      ),
    action: (m, self) =>
      (self || canManage) && (
        <Button size="compact-sm" variant="subtle" color="red" loading={remove.isPending && remove.variables === m.userId} onClick={() => remove.mutate(m.userId)}>
          {self ? "Leave" : "Remove"}
        </Button>
      ),
  });

  return (
    <DataTable
      query={query}
      columns={columns}
      rowKey={(m) => m.userId}
      rowProps={() => ({ "data-testid": "team-member-row" })}
      minWidth={600}
      errorTitle="Couldn't load the team's members"
      loadingLabel="Loading team members"
      empty={<EmptyState py="xl" icon={<IconUsers size={28} />} variant="light" title="Nobody in this team yet" description="Add members of the organization below." />}
    />
  );
}
