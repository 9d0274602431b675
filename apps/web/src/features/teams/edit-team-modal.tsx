import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { ZUpdateTeamInput } from "@atrium/sdk";
import { DescriptionInput } from "../../components/description-input";
import { FormAlert } from "../../components/form-alert";
import { useContractForm } from "../../lib/form";
import type { Team } from "../../lib/trpc";
import { useUpdateTeam } from "./use-teams";

function EditTeamForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const update = useUpdateTeam();
  const form = useContractForm({
    schema: ZUpdateTeamInput,
    initialValues: { name: team.name, description: team.description ?? "" },
    toInput: (v) => ({ id: team.id, name: v.name, description: v.description.trim() || null }),
  });

  return (
    <form onSubmit={form.submit((input) => update.mutate(input, { onSuccess: onDone, onError: form.setServerError }))} noValidate>
      <Stack>
        <FormAlert message={form.formError} />
        <TextInput label="Name" data-autofocus {...form.getInputProps("name")} />
        <DescriptionInput autosize minRows={2} {...form.getInputProps("description")} value={form.values.description} />
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
