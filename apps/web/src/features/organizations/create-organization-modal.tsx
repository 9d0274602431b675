import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { ZCreateOrganizationInput } from "@atrium/sdk";
import { FormAlert } from "../../components/form-alert";
import { useContractForm } from "../../lib/form";
import { atLeast } from "./roles";
import { useCurrentOrganization } from "./use-current-organization";
import { useCreateOrganization } from "./use-organizations";
import { DescriptionInput } from "../../components/description-input";

function CreateOrganizationForm({ onDone }: { onDone: () => void }) {
  const { memberships, select } = useCurrentOrganization();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  // Members of an account may create organizations in it; viewers may not.
  const accounts = (memberships.data?.accounts ?? []).filter((a) => atLeast(a.role, "member"));
  const form = useContractForm({
    schema: ZCreateOrganizationInput,
    initialValues: { accountId: accounts[0]?.id ?? null, name: "", slug: "", description: "" } as { accountId: string | null; name: string; slug: string; description: string },
    toInput: (v) => ({ accountId: v.accountId ?? "", name: v.name, slug: v.slug.trim() || undefined, description: v.description.trim() || undefined }),
  });
  const onCreated = (org: { id: string }) => {
    select(org.id);
    onDone();
    void navigate(`/organizations/${org.id}`);
  };

  if (memberships.isSuccess && accounts.length === 0) {
    return (
      <Alert color="yellow" variant="light" icon={<IconAlertCircle size={18} />}>
        You aren't a member of any account that allows creating organizations. Ask an account admin to add you.
      </Alert>
    );
  }

  return (
    <form onSubmit={form.submit((input) => create.mutate(input, { onSuccess: onCreated, onError: form.setServerError }))} noValidate>
      <Stack>
        <FormAlert message={form.formError} />
        {accounts.length > 1 ? (
          <Select
            label="Account"
            description="The tenant that owns the organization"
            data={accounts.map((a) => ({ value: a.id, label: a.name }))}
            allowDeselect={false}
            {...form.getInputProps("accountId")}
          />
        ) : (
          accounts[0] && (
            <Text size="sm" c="dimmed">
              In the <b>{accounts[0].name}</b> account.
            </Text>
          )
        )}
        <TextInput label="Name" placeholder="Acme Research" data-autofocus {...form.getInputProps("name")} />
        <TextInput label="Slug" description="Optional; made from the name when empty" placeholder="acme-research" {...form.getInputProps("slug")} />
        <DescriptionInput placeholder="What this organization is for (optional)" autosize minRows={2} {...form.getInputProps("description")} value={form.values.description} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create organization
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreateOrganizationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create organization" centered>
      {/* Mounted only while open, so each opening starts from an empty form. */}
      {opened && <CreateOrganizationForm onDone={onClose} />}
    </Modal>
  );
}
