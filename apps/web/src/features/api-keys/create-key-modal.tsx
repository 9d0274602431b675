import { Alert, Button, Code, CopyButton, Group, Modal, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertCircle, IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { ZCreateApiKeyInput } from "@atrium/sdk";
import { errorMessage, fieldErrorsOf, fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import type { CreatedApiKey } from "../../lib/trpc";
import { useCreateApiKey } from "./use-api-keys";

function NewKeyReveal({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Copy your key now">
        It is stored only as a hash, so it won't be shown again.
      </Alert>
      <Code block data-testid="new-api-key" style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>
        {created.key}
      </Code>
      <Group justify="space-between">
        <CopyButton value={created.key}>
          {({ copied, copy }) => (
            <Button variant="light" color={copied ? "teal" : undefined} onClick={copy} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}>
              {copied ? "Copied" : "Copy key"}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

function CreateKeyForm({ onCreated, onCancel }: { onCreated: (key: CreatedApiKey) => void; onCancel: () => void }) {
  const create = useCreateApiKey();
  const [name, setName] = useState("");
  const [days, setDays] = useState<string | number>("");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const errors: FieldErrors = { ...(create.isError ? fieldErrorsOf(create.error) : {}), ...clientErrors };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateApiKeyInput.safeParse({ name, expiresInDays: days === "" ? undefined : Number(days) });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    create.mutate(parsed.data, { onSuccess: onCreated });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {create.isError && !errors.name && !errors.expiresInDays && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {errorMessage(create.error)}
          </Alert>
        )}
        <TextInput
          label="Name"
          description="Where the key is used, e.g. “CI deploys”"
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name?.[0]}
        />
        <NumberInput
          label="Expires after (days)"
          description="Leave empty for a key that never expires"
          // Typed as-is (no clamping or dropped "."/"-"): the contract reports what is wrong.
          clampBehavior="none"
          value={days}
          onChange={setDays}
          error={errors.expiresInDays?.[0]}
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
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      // Reset only once the fade-out ends, so the dialog doesn't flash back to the form.
      onExitTransitionEnd={() => setCreated(null)}
      title={created ? "Your new API key" : "Create API key"}
      centered
      size="lg"
      // Once the key is on screen, a stray click outside must not lose it.
      closeOnClickOutside={!created}
    >
      {created ? <NewKeyReveal created={created} onDone={onClose} /> : <CreateKeyForm onCreated={setCreated} onCancel={onClose} />}
      {!created && (
        <Text size="xs" c="dimmed" mt="md">
          Use it as <Code>Authorization: Bearer &lt;key&gt;</Code> with curl or the SDK.
        </Text>
      )}
    </Modal>
  );
}
