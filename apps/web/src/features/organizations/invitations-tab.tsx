import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle, IconMail, IconMailForward, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { ZCreateInvitationInput } from "@atrium/sdk";
import { DateCell } from "../../components/date-cell";
import { DataTable, type Column } from "../../components/data-table";
import { useContractForm } from "../../lib/form";
import type { InviteResult, Organization } from "../../lib/trpc";
import { useCurrentUser } from "../auth/current-user";
import { atLeast, isTenantRole, ROLE_COLORS, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_OPTIONS } from "./roles";
import { useInvitations, useInvite, useRevokeInvitation } from "./use-organizations";

/** The same words for every address: whether it has an account is the invited person's business. */
function InviteOutcome({ result }: { result: InviteResult }) {
  const { invitation } = result;
  return (
    <Alert color="indigo" variant="light" icon={<IconMailForward size={18} />} title="Invited" data-testid="invite-result" data-status="invited">
      We emailed {invitation.email} an invitation to join as {ROLE_LABELS[invitation.role].toLowerCase()}. They join once they accept it; until then it is listed below.
      {result.replacedPrevious && (
        <Text size="sm" fw={500} mt="xs" data-testid="invite-replaced">
          This replaces the invitation sent to {invitation.email} earlier: the link in that email no longer works, so tell them to use the latest one.
        </Text>
      )}
    </Alert>
  );
}

function InviteForm({ organization, isOwner }: { organization: Organization; isOwner: boolean }) {
  const invite = useInvite(organization.id);
  const form = useContractForm({
    schema: ZCreateInvitationInput,
    initialValues: { email: "", role: "member" as string },
    toInput: (v) => ({ id: organization.id, ...v }),
  });
  const [result, setResult] = useState<InviteResult | null>(null);

  const onSubmit = form.submit(({ email, role }) => {
    setResult(null);
    invite.mutate(
      { email, role },
      {
        onSuccess: (r) => {
          setResult(r);
          form.setFieldValue("email", "");
        },
        onError: form.setServerError,
      },
    );
  });

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <div>
          <Title order={4}>Invite someone</Title>
          <Text size="sm" c="dimmed">
            We email them a link. Nobody joins until they accept, signed in with that confirmed address.
          </Text>
        </div>
        {form.formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {form.formError}
          </Alert>
        )}
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="Email"
            type="email"
            placeholder="colleague@example.com"
            style={{ flex: "1 1 260px" }}
            {...form.getInputProps("email")}
          />
          <Select
            label="Role"
            w={200}
            data={ROLE_OPTIONS.map((o) => ({ ...o, disabled: o.value === "owner" && !isOwner }))}
            allowDeselect={false}
            {...form.getInputProps("role")}
            onChange={(value) => isTenantRole(value) && form.setFieldValue("role", value)}
            comboboxProps={{ width: 300, position: "bottom-start" }}
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text size="sm">{option.label}</Text>
                <Text size="xs" c="dimmed">
                  {isTenantRole(option.value) ? ROLE_DESCRIPTIONS[option.value] : ""}
                </Text>
              </Stack>
            )}
          />
          <Button type="submit" mt={25} leftSection={<IconSend size={16} />} loading={invite.isPending}>
            Invite
          </Button>
        </Group>
        {result && <InviteOutcome result={result} />}
      </Stack>
    </Paper>
  );
}

type Invitation = NonNullable<ReturnType<typeof useInvitations>["data"]>[number];

function PendingInvitations({ organization }: { organization: Organization }) {
  const invitations = useInvitations(organization.id);
  const revoke = useRevokeInvitation(organization.id);
  const columns: Column<Invitation>[] = [
    { header: "Email", cell: (inv) => inv.email, td: { fw: 500 } },
    {
      header: "Role",
      cell: (inv) => (
        <Badge variant="light" color={ROLE_COLORS[inv.role]}>
          {ROLE_LABELS[inv.role]}
        </Badge>
      ),
    },
    { header: "Sent", cell: (inv) => <DateCell iso={inv.createdAt} /> },
    { header: "Expires", cell: (inv) => <DateCell iso={inv.expiresAt} /> },
    {
      cell: (inv) => (
        <Button size="compact-sm" variant="subtle" color="red" loading={revoke.isPending && revoke.variables === inv.id} onClick={() => revoke.mutate(inv.id)}>
          Revoke
        </Button>
      ),
      td: { ta: "right" },
    },
  ];
  return (
    <Stack gap="xs">
      <Title order={4}>Pending invitations</Title>
      <DataTable
        query={invitations}
        columns={columns}
        rowKey={(inv) => inv.id}
        rowProps={() => ({ "data-testid": "invitation-row" })}
        errorTitle="Couldn't load the invitations"
        loadingLabel="Loading invitations"
        empty={{ icon: <IconMail size={28} />, title: "No pending invitations", description: "Invitations you send appear here until they are accepted." }}
      />
    </Stack>
  );
}

export function InvitationsTab({ organization }: { organization: Organization }) {
  const { user } = useCurrentUser();
  return (
    <Stack gap="xl" maw={900}>
      <InviteForm organization={organization} isOwner={atLeast(organization.role, "owner", user.isStaff)} />
      <PendingInvitations organization={organization} />
    </Stack>
  );
}
