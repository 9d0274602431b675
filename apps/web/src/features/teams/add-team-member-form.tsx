import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconUserPlus } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { TTeamRole } from "@atrium/sdk";
import { formErrors, fieldError } from "../../lib/form";
import { notifySuccess } from "../../lib/notify";
import type { TeamMember } from "../../lib/trpc";
import { isTeamRole, TEAM_ROLE_LABELS, TEAM_ROLE_OPTIONS } from "../organizations/roles";
import { useOrganizationMembers } from "../organizations/use-organizations";
import { useSetTeamMember } from "./use-teams";

/** Picks from the organization's members who aren't in the team yet. */
export function AddTeamMemberForm({ organizationId, teamId, current }: { organizationId: string; teamId: string; current: TeamMember[] }) {
  const orgMembers = useOrganizationMembers(organizationId);
  const add = useSetTeamMember(teamId);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<TTeamRole>("member");
  const [clientErrors, setClientErrors] = useState({});
  const { errors, formError } = formErrors(add.error, clientErrors, ["userId", "role"]);
  const inTeam = new Set(current.map((m) => m.userId));
  const candidates = (orgMembers.data ?? []).filter((m) => !inTeam.has(m.userId));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!userId) return setClientErrors({ userId: ["Pick a member of the organization"] });
    setClientErrors({});
    add.mutate(
      { userId, role },
      {
        onSuccess: (member) => {
          notifySuccess(`${member.username} joined the team as ${TEAM_ROLE_LABELS[member.role].toLowerCase()}.`);
          setUserId(null);
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <div>
          <Title order={4}>Add a member</Title>
          <Text size="sm" c="dimmed">
            Anyone in the organization can join its teams. Invite new people from the organization's Invitations tab.
          </Text>
        </div>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {formError}
          </Alert>
        )}
        <Group align="flex-start" wrap="wrap">
          <Select
            label="Member"
            placeholder={orgMembers.isPending ? "Loading members…" : candidates.length ? "Search by name" : "Everyone is already in this team"}
            searchable
            nothingFoundMessage="No one by that name"
            style={{ flex: "1 1 260px" }}
            data={candidates.map((m) => ({ value: m.userId, label: m.displayName ? `${m.displayName} (@${m.username})` : m.username }))}
            value={userId}
            onChange={setUserId}
            disabled={!orgMembers.isSuccess || candidates.length === 0}
            error={fieldError(errors, "userId") ?? (orgMembers.isError ? "Couldn't load the organization's members" : undefined)}
          />
          <Select label="Team role" w={160} data={TEAM_ROLE_OPTIONS} value={role} allowDeselect={false} onChange={(v) => isTeamRole(v) && setRole(v)} error={fieldError(errors, "role")} />
          <Button type="submit" mt={25} leftSection={<IconUserPlus size={16} />} loading={add.isPending} disabled={candidates.length === 0}>
            Add
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
