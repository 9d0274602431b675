import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { ZCreateOrganizationInput } from "@atrium/sdk";
import { fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import { fieldError, formErrors } from "../../lib/form";
import { atLeast } from "./roles";
import { useCurrentOrganization } from "./use-current-organization";
import { useCreateOrganization } from "./use-organizations";
import { DescriptionInput } from "../../components/description-input";

const FIELDS = ["accountId", "name", "slug", "description"] as const;

function CreateOrganizationForm({ onDone }: { onDone: () => void }) {
  const { memberships, select } = useCurrentOrganization();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  // Members of an account may create organizations in it; viewers may not.
  const accounts = (memberships.data?.accounts ?? []).filter((a) => atLeast(a.role, "member"));
  const [accountId, setAccountId] = useState<string | null>(accounts[0]?.id ?? null);
  const [values, setValues] = useState({ name: "", slug: "", description: "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const { errors, formError } = formErrors(create.error, clientErrors, FIELDS);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateOrganizationInput.safeParse({
      accountId: accountId ?? "",
      name: values.name,
      slug: values.slug.trim() || undefined,
      description: values.description.trim() || undefined,
    });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    create.mutate(parsed.data, {
      onSuccess: (org) => {
        select(org.id);
        onDone();
        void navigate(`/organizations/${org.id}`);
      },
    });
  };

  if (memberships.isSuccess && accounts.length === 0) {
    return (
      <Alert color="yellow" variant="light" icon={<IconAlertCircle size={18} />}>
        You aren't a member of any account that allows creating organizations. Ask an account admin to add you.
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {formError}
          </Alert>
        )}
        {accounts.length > 1 ? (
          <Select
            label="Account"
            description="The tenant that owns the organization"
            data={accounts.map((a) => ({ value: a.id, label: a.name }))}
            value={accountId}
            onChange={setAccountId}
            allowDeselect={false}
            error={fieldError(errors, "accountId")}
          />
        ) : (
          accounts[0] && (
            <Text size="sm" c="dimmed">
              In the <b>{accounts[0].name}</b> account.
            </Text>
          )
        )}
        <TextInput
          label="Name"
          placeholder="Acme Research"
          data-autofocus
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
          error={fieldError(errors, "name")}
        />
        <TextInput
          label="Slug"
          description="Optional; made from the name when empty"
          placeholder="acme-research"
          value={values.slug}
          onChange={(e) => setValues({ ...values, slug: e.currentTarget.value })}
          error={fieldError(errors, "slug")}
        />
        <DescriptionInput
          placeholder="What this organization is for (optional)"
          autosize
          minRows={2}
          value={values.description}
          onChange={(e) => setValues({ ...values, description: e.currentTarget.value })}
          error={fieldError(errors, "description")}
        />
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
