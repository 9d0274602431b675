import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertCircle, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ZUpdateOrganizationInput } from "@atrium/sdk";
import { ConfirmModal } from "../../components/confirm-modal";
import { useContractForm } from "../../lib/form";
import { formatDateTime } from "../../lib/format";
import type { Organization } from "../../lib/trpc";
import { useCurrentUser } from "../auth/current-user";
import { atLeast } from "./roles";
import { useCurrentOrganization } from "./use-current-organization";
import { useDeleteOrganization, useUpdateOrganization } from "./use-organizations";
import { DescriptionInput } from "../../components/description-input";

function DetailsForm({ organization, canEdit }: { organization: Organization; canEdit: boolean }) {
  const update = useUpdateOrganization();
  const form = useContractForm({
    schema: ZUpdateOrganizationInput,
    initialValues: { name: organization.name, slug: organization.slug, description: organization.description ?? "" },
    toInput: (v) => ({ id: organization.id, ...v, description: v.description.trim() || null }),
  });
  const values = form.values;
  const dirty = values.name !== organization.name || values.slug !== organization.slug || values.description !== (organization.description ?? "");

  const onSubmit = form.submit((input) => update.mutate(input, { onError: form.setServerError }));

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <Title order={4}>Details</Title>
        {!canEdit && (
          <Text size="sm" c="dimmed">
            Only admins and owners can change these.
          </Text>
        )}
        {form.formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {form.formError}
          </Alert>
        )}
        <TextInput label="Name" disabled={!canEdit} {...form.getInputProps("name")} />
        <TextInput
          label="Slug"
          description="Unique within the account; used in links and the API"
          disabled={!canEdit}
          {...form.getInputProps("slug")}
        />
        <DescriptionInput
          autosize
          minRows={2}
          disabled={!canEdit}
          {...form.getInputProps("description")}
          value={values.description}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Created {formatDateTime(organization.createdAt)}
          </Text>
          {canEdit && (
            <Button type="submit" loading={update.isPending} disabled={!dirty}>
              Save changes
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function DangerZone({ organization }: { organization: Organization }) {
  const [opened, dialog] = useDisclosure(false);
  const [typed, setTyped] = useState("");
  const remove = useDeleteOrganization();
  const { select } = useCurrentOrganization();
  const navigate = useNavigate();
  const confirm = () =>
    remove.mutate({ id: organization.id }, {
      onSuccess: () => {
        dialog.close();
        select(null);
        void navigate("/org", { replace: true });
      },
    });
  return (
    <Paper withBorder radius="md" p="lg" style={{ borderColor: "var(--mantine-color-red-light-color)" }}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Title order={4}>Delete organization</Title>
          <Text size="sm" c="dimmed">
            Its teams and pending invitations go with it. An account admin can restore it for a while; after that it is purged.
          </Text>
        </Stack>
        <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={dialog.open} style={{ flexShrink: 0 }}>
          Delete
        </Button>
      </Group>
      <ConfirmModal
        opened={opened}
        onClose={() => {
          dialog.close();
          setTyped("");
        }}
        onConfirm={confirm}
        title="Delete organization"
        confirmLabel="Delete organization"
        loading={remove.isPending}
        error={remove.error}
        // Typing the name back: a whole organization should not go on one stray click.
        confirmDisabled={typed.trim() !== organization.name}
      >
        <Text size="sm">
          Delete <b>{organization.name}</b>? Members lose access to it and its teams at once.
        </Text>
        <TextInput label={`Type ${organization.name} to confirm`} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoComplete="off" data-autofocus />
      </ConfirmModal>
    </Paper>
  );
}

export function OrganizationDetailsTab({ organization }: { organization: Organization }) {
  const { user } = useCurrentUser();
  return (
    <Stack maw={760}>
      {/* Keyed by the saved values, so a save (or a switch) resets the form to what the server has. */}
      <DetailsForm key={`${organization.id}:${organization.name}:${organization.slug}:${organization.description}`} organization={organization} canEdit={atLeast(organization.role, "admin", user.isStaff)} />
      {atLeast(organization.role, "owner", user.isStaff) && <DangerZone organization={organization} />}
    </Stack>
  );
}
