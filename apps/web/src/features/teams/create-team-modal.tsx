import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useNavigate } from "react-router";
import { ZCreateTeamInput } from "@atrium/sdk";
import { DescriptionInput } from "../../components/description-input";
import { FormAlert } from "../../components/form-alert";
import { useContractForm } from "../../lib/form";
import { useCreateTeam } from "./use-teams";

function CreateTeamForm({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const create = useCreateTeam();
  const navigate = useNavigate();
  const form = useContractForm({
    schema: ZCreateTeamInput,
    initialValues: { name: "", description: "" },
    toInput: (v) => ({ organizationId, name: v.name, description: v.description.trim() || undefined }),
  });
  const onCreated = (team: { id: string }) => {
    onDone();
    void navigate(`/organizations/${organizationId}/teams/${team.id}`);
  };

  return (
    <form onSubmit={form.submit((input) => create.mutate(input, { onSuccess: onCreated, onError: form.setServerError }))} noValidate>
      <Stack>
        <FormAlert message={form.formError} />
        <TextInput label="Name" placeholder="Platform" data-autofocus {...form.getInputProps("name")} />
        <DescriptionInput placeholder="What the team works on (optional)" autosize minRows={2} {...form.getInputProps("description")} value={form.values.description} />
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
