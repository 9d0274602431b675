import { Alert, Badge, Button, EmptyState, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle, IconMail, IconMailForward, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { ZCreateInvitationInput } from "@atrium/sdk";
import { DateCell } from "../../components/date-cell";
import { ListSkeleton } from "../../components/list-skeleton";
import { LoadMore } from "../../components/load-more";
import { QueryError } from "../../components/query-error";
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

function PendingInvitations({ organization }: { organization: Organization }) {
  const invitations = useInvitations(organization.id);
  const revoke = useRevokeInvitation(organization.id);

  let content;
  if (invitations.isPending) content = <ListSkeleton label="Loading invitations" />;
  else if (invitations.isError) content = <QueryError error={invitations.error} title="Couldn't load the invitations" onRetry={() => void invitations.refetch()} />;
  else if (invitations.data.length === 0) content = <EmptyState py="xl" icon={<IconMail size={28} />} variant="light" title="No pending invitations" description="Invitations you send appear here until they are accepted." />;
  else {
    content = (
      <>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.map((inv) => (
                <Table.Tr key={inv.id} data-testid="invitation-row">
                  <Table.Td fw={500}>{inv.email}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={ROLE_COLORS[inv.role]}>
                      {ROLE_LABELS[inv.role]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <DateCell iso={inv.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <DateCell iso={inv.expiresAt} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      loading={revoke.isPending && revoke.variables === inv.id}
                      onClick={() => revoke.mutate(inv.id)}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <LoadMore {...invitations} />
      </>
    );
  }
  return (
    <Stack gap="xs">
      <Title order={4}>Pending invitations</Title>
      <Paper withBorder radius="md" p={invitations.isError ? "md" : 0}>
        {content}
      </Paper>
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
