import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { ZUpdateTeamInput } from "@atrium/sdk";
import { fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import { fieldError, formErrors } from "../../lib/form";
import type { Team } from "../../lib/trpc";
import { useUpdateTeam } from "./use-teams";
import { DescriptionInput } from "../../components/description-input";

function EditTeamForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const update = useUpdateTeam();
  const [values, setValues] = useState({ name: team.name, description: team.description ?? "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const { errors, formError } = formErrors(update.error, clientErrors, ["name", "description"]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZUpdateTeamInput.safeParse({ id: team.id, name: values.name, description: values.description.trim() || null });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    update.mutate(parsed.data, { onSuccess: onDone });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {formError}
          </Alert>
        )}
        <TextInput label="Name" data-autofocus value={values.name} onChange={(e) => setValues({ ...values, name: e.currentTarget.value })} error={fieldError(errors, "name")} />
        <DescriptionInput
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
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EditTeamModal({ team, opened, onClose }: { team: Team; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Edit team" centered>
      {opened && <EditTeamForm team={team} onDone={onClose} />}
    </Modal>
  );
}
