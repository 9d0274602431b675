import { Anchor, Breadcrumbs, Button, EmptyState, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPencil, IconTrash, IconUsersGroup } from "@tabler/icons-react";
import { Link, useNavigate, useParams } from "react-router";
import { ConfirmModal } from "../../components/confirm-modal";
import { QueryError } from "../../components/query-error";
import { isClientError } from "../../lib/errors";
import type { Organization, Team } from "../../lib/trpc";
import { useCurrentUser } from "../auth/current-user";
import { atLeast } from "../organizations/roles";
import { useOrganization } from "../organizations/use-organizations";
import { AddTeamMemberForm } from "./add-team-member-form";
import { EditTeamModal } from "./edit-team-modal";
import { TeamMembersTable } from "./team-members-table";
import { useDeleteTeam, useTeam, useTeamMembers } from "./use-teams";

function TeamNotFound({ organizationId }: { organizationId: string }) {
  return (
    <EmptyState py={80} icon={<IconUsersGroup size={28} />} variant="light" title="Team not found" description="It may have been deleted, or you can't see it.">
      <EmptyState.Actions>
        <Button component={Link} to={`/organizations/${organizationId}?tab=teams`}>
          Back to the teams
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

function TeamHeader({ team, organization }: { team: Team; organization: Organization }) {
  const { user } = useCurrentUser();
  const [editing, editDialog] = useDisclosure(false);
  const [deleting, deleteDialog] = useDisclosure(false);
  const remove = useDeleteTeam();
  const navigate = useNavigate();
  const canEdit = atLeast(organization.role, "member", user.isStaff);
  const canDelete = atLeast(organization.role, "admin", user.isStaff);
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to={`/organizations/${organization.id}`}>
          {organization.name}
        </Anchor>
        <Anchor component={Link} to={`/organizations/${organization.id}?tab=teams`}>
          Teams
        </Anchor>
        <Text size="sm">{team.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" mb="lg">
        <Stack gap={4}>
          <Title order={2}>{team.name}</Title>
          <Text c="dimmed">{team.description || "No description"}</Text>
        </Stack>
        <Group gap="xs">
          {canEdit && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editDialog.open}>
              Edit
            </Button>
          )}
          {canDelete && (
            <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={deleteDialog.open}>
              Delete
            </Button>
          )}
        </Group>
      </Group>
      <EditTeamModal team={team} opened={editing} onClose={editDialog.close} />
      <ConfirmModal
        opened={deleting}
        onClose={deleteDialog.close}
        title="Delete team"
        confirmLabel="Delete team"
        loading={remove.isPending}
        onConfirm={() => remove.mutate({ id: team.id }, { onSuccess: () => void navigate(`/organizations/${organization.id}?tab=teams`, { replace: true }) })}
      >
        <Text size="sm">
          Delete <b>{team.name}</b>? Its members stay in the organization. An admin can restore the team for a while.
        </Text>
      </ConfirmModal>
    </>
  );
}

export function TeamPage() {
  const { orgId = "", teamId = "" } = useParams();
  const { user } = useCurrentUser();
  const organization = useOrganization(orgId);
  const team = useTeam(teamId);
  const members = useTeamMembers(teamId);

  if (organization.isPending || team.isPending) {
    return (
      <Stack aria-label="Loading team">
        <Skeleton h={16} w={220} />
        <Skeleton h={36} w={280} />
        <Skeleton h={240} mt="lg" />
      </Stack>
    );
  }
  const failed = organization.error ?? team.error;
  if (failed) return isClientError(failed) ? <TeamNotFound organizationId={orgId} /> : <QueryError error={failed} title="Couldn't load the team" onRetry={() => void team.refetch()} />;
  if (!organization.data || !team.data) return null;
  if (team.data.organizationId !== organization.data.id) return <TeamNotFound organizationId={orgId} />;

  const canManage = atLeast(organization.data.role, "member", user.isStaff);
  return (
    <>
      <TeamHeader team={team.data} organization={organization.data} />
      <Stack gap="xl" maw={900}>
        <Stack gap="xs">
          <Title order={4}>Members</Title>
          <TeamMembersTable teamId={team.data.id} query={members} canManage={canManage} />
        </Stack>
        {canManage && members.isSuccess && <AddTeamMemberForm organizationId={organization.data.id} teamId={team.data.id} current={members.data} />}
      </Stack>
    </>
  );
}
