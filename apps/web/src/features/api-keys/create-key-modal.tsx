import { Alert, Button, Code, Group, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { ZCreateApiKeyInput } from "@atrium/sdk";
import { SecretOnceModal } from "../../components/secret-once";
import { useContractForm } from "../../lib/form";
import type { CreatedApiKey } from "../../lib/trpc";
import { useCreateApiKey } from "./use-api-keys";

function CreateKeyForm({ onCreated, onCancel }: { onCreated: (key: CreatedApiKey) => void; onCancel: () => void }) {
  const create = useCreateApiKey();
  const form = useContractForm({
    schema: ZCreateApiKeyInput,
    initialValues: { name: "", expiresInDays: "" as string | number },
    toInput: (v) => ({ name: v.name, expiresInDays: v.expiresInDays === "" ? undefined : Number(v.expiresInDays) }),
  });

  return (
    <form onSubmit={form.submit((input) => create.mutate(input, { onSuccess: onCreated, onError: form.setServerError }))} noValidate>
      <Stack>
        {form.formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {form.formError}
          </Alert>
        )}
        <TextInput label="Name" description="Where the key is used, e.g. “CI deploys”" data-autofocus {...form.getInputProps("name")} />
        <NumberInput
          label="Expires after (days)"
          description="Leave empty for a key that never expires"
          // Typed as-is (no clamping or dropped "."/"-"): the contract reports what is wrong.
          clampBehavior="none"
          {...form.getInputProps("expiresInDays")}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Two steps in one dialog: the form, then the new key (the only time it is visible). */
export function CreateKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <SecretOnceModal<CreatedApiKey>
      opened={opened}
      onClose={onClose}
      formTitle="Create API key"
      secretTitle="Your new API key"
      form={(onCreated) => <CreateKeyForm onCreated={onCreated} onCancel={onClose} />}
      reveal={(created) => ({
        secret: created.key,
        testId: "new-api-key",
        warning: { title: "Copy your key now", body: "It is stored only as a hash, so it won't be shown again." },
      })}
      footer={
        <Text size="xs" c="dimmed" mt="md">
          Use it as <Code>Authorization: Bearer &lt;key&gt;</Code> with curl or the SDK.
        </Text>
      }
    />
  );
}
