import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { ZCreateTeamInput } from "@atrium/sdk";
import { fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import { fieldError, formErrors } from "../../lib/form";
import { useCreateTeam } from "./use-teams";
import { DescriptionInput } from "../../components/description-input";

function CreateTeamForm({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const create = useCreateTeam();
  const navigate = useNavigate();
  const [values, setValues] = useState({ name: "", description: "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const { errors, formError } = formErrors(create.error, clientErrors, ["name", "description"]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateTeamInput.safeParse({ organizationId, name: values.name, description: values.description.trim() || undefined });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    create.mutate(parsed.data, {
      onSuccess: (team) => {
        onDone();
        void navigate(`/organizations/${organizationId}/teams/${team.id}`);
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {formError}
          </Alert>
        )}
        <TextInput label="Name" placeholder="Platform" data-autofocus value={values.name} onChange={(e) => setValues({ ...values, name: e.currentTarget.value })} error={fieldError(errors, "name")} />
        <DescriptionInput
          placeholder="What the team works on (optional)"
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
            Create team
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreateTeamModal({ organizationId, opened, onClose }: { organizationId: string; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create team" centered>
      {opened && <CreateTeamForm organizationId={organizationId} onDone={onClose} />}
    </Modal>
  );
}
