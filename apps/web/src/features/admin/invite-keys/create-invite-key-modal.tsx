import { Alert, Button, Group, NumberInput, Stack, Text, Textarea } from "@mantine/core";
import { IconAlertCircle, IconLink } from "@tabler/icons-react";
import { ZCreateInviteKeyInput } from "@atrium/sdk";
import { CopyAction, SecretOnceModal } from "../../../components/secret-once";
import { useContractForm } from "../../../lib/form";
import { formatDateTime } from "../../../lib/format";
import type { CreatedInviteKey } from "../../../lib/trpc";
import { useCreateInviteKey } from "./use-invite-keys";

function CreateForm({ onCreated, onCancel }: { onCreated: (key: CreatedInviteKey) => void; onCancel: () => void }) {
  const create = useCreateInviteKey();
  const form = useContractForm({
    schema: ZCreateInviteKeyInput,
    initialValues: { expiresDays: 7 as string | number, notes: "" },
    toInput: (v) => ({ expiresDays: v.expiresDays === "" ? undefined : Number(v.expiresDays), notes: v.notes.trim() || undefined }),
  });

  return (
    <form onSubmit={form.submit((input) => create.mutate(input, { onSuccess: onCreated, onError: form.setServerError }))} noValidate>
      <Stack>
        {form.formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {form.formError}
          </Alert>
        )}
        {/* No min/max/allowDecimal: Mantine would rewrite "2.5" as 25 or 9999 as 365; the contract says what is wrong instead. */}
        <NumberInput label="Valid for (days)" description="1 to 365" clampBehavior="none" data-autofocus {...form.getInputProps("expiresDays")} />
        <Textarea
          label="Notes"
          description="Who it is for; shown in the list, never to the invitee"
          placeholder="For Nora, new analyst"
          autosize
          minRows={2}
          {...form.getInputProps("notes")}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create invite key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The form, then the new key: the only time the raw key is ever visible. */
export function CreateInviteKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <SecretOnceModal<CreatedInviteKey>
      opened={opened}
      onClose={onClose}
      formTitle="Create invite key"
      secretTitle="Your new invite key"
      form={(onCreated) => <CreateForm onCreated={onCreated} onCancel={onClose} />}
      reveal={(created) => ({
        secret: created.key,
        testId: "new-invite-key",
        warning: { title: "Copy the key now", body: `Only its hash is stored, so it won't be shown again. It works once, until ${formatDateTime(created.expiresAt)}.` },
        extra: (
          <Text size="sm" c="dimmed">
            Send the key, or a signup link with the key filled in.
          </Text>
        ),
        extraActions: <CopyAction value={`${window.location.origin}/signup?key=${encodeURIComponent(created.key)}`} label="Copy signup link" icon={<IconLink size={16} />} />,
      })}
    />
  );
}
