import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconUserPlus } from "@tabler/icons-react";
import { ZAddTeamMemberInput } from "@atrium/sdk";
import { useContractForm } from "../../lib/form";
import { notifySuccess } from "../../lib/notify";
import type { TeamMember } from "../../lib/trpc";
import { isTeamRole, TEAM_ROLE_LABELS, TEAM_ROLE_OPTIONS } from "../organizations/roles";
import { useOrganizationMembers } from "../organizations/use-organizations";
import { useSetTeamMember } from "./use-teams";

/** Picks from the organization's members who aren't in the team yet. */
export function AddTeamMemberForm({ organizationId, teamId, current }: { organizationId: string; teamId: string; current: TeamMember[] }) {
  const orgMembers = useOrganizationMembers(organizationId);
  const add = useSetTeamMember(teamId);
  const form = useContractForm({
    schema: ZAddTeamMemberInput,
    initialValues: { userId: null as string | null, role: "member" as string },
    toInput: (v) => ({ id: teamId, ...v }),
    check: (v): Record<string, string> => (v.userId ? {} : { userId: "Pick a member of the organization" }),
  });
  const inTeam = new Set(current.map((m) => m.userId));
  const candidates = (orgMembers.data ?? []).filter((m) => !inTeam.has(m.userId));

  const onSubmit = form.submit(({ userId, role }) =>
    add.mutate(
      { userId, role },
      {
        onSuccess: (member) => {
          notifySuccess(`${member.username} joined the team as ${TEAM_ROLE_LABELS[member.role].toLowerCase()}.`);
          form.setFieldValue("userId", null);
        },
        onError: form.setServerError,
      },
    ),
  );

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <div>
          <Title order={4}>Add a member</Title>
          <Text size="sm" c="dimmed">
            Anyone in the organization can join its teams. Invite new people from the organization's Invitations tab.
          </Text>
        </div>
        {form.formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {form.formError}
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
            {...form.getInputProps("userId")}
            disabled={!orgMembers.isSuccess || candidates.length === 0}
            error={form.errors.userId ?? (orgMembers.isError ? "Couldn't load the organization's members" : undefined)}
          />
          <Select label="Team role" w={160} data={TEAM_ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps("role")} onChange={(v) => isTeamRole(v) && form.setFieldValue("role", v)} />
          <Button type="submit" mt={25} leftSection={<IconUserPlus size={16} />} loading={add.isPending} disabled={candidates.length === 0}>
            Add
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
