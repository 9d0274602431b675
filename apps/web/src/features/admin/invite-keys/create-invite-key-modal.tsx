import { Alert, Button, Code, CopyButton, Group, Modal, NumberInput, Stack, Text, Textarea } from "@mantine/core";
import { IconAlertCircle, IconAlertTriangle, IconCheck, IconCopy, IconLink } from "@tabler/icons-react";
import { useState, type FormEvent, type ReactNode } from "react";
import { ZCreateInviteKeyInput } from "@atrium/sdk";
import { fieldErrorsOfIssues, type FieldErrors } from "../../../lib/errors";
import { fieldError, formErrors } from "../../../lib/form";
import { formatDateTime } from "../../../lib/format";
import type { CreatedInviteKey } from "../../../lib/trpc";
import { useCreateInviteKey } from "./use-invite-keys";

function CopyAction({ value, label, icon }: { value: string; label: string; icon: ReactNode }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button variant="light" color={copied ? "teal" : undefined} onClick={copy} leftSection={copied ? <IconCheck size={16} /> : icon}>
          {copied ? "Copied" : label}
        </Button>
      )}
    </CopyButton>
  );
}

function NewKeyReveal({ created, onDone }: { created: CreatedInviteKey; onDone: () => void }) {
  const signupLink = `${window.location.origin}/signup?key=${encodeURIComponent(created.key)}`;
  return (
    <Stack>
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Copy the key now">
        Only its hash is stored, so it won't be shown again. It works once, until {formatDateTime(created.expiresAt)}.
      </Alert>
      <Code block data-testid="new-invite-key" style={{ wordBreak: "break-all", whiteSpace: "pre-wrap", fontSize: "var(--mantine-font-size-md)" }}>
        {created.key}
      </Code>
      <Text size="sm" c="dimmed">
        Send the key, or a signup link with the key filled in.
      </Text>
      <Group justify="space-between">
        <Group gap="xs">
          <CopyAction value={created.key} label="Copy key" icon={<IconCopy size={16} />} />
          <CopyAction value={signupLink} label="Copy signup link" icon={<IconLink size={16} />} />
        </Group>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

function CreateForm({ onCreated, onCancel }: { onCreated: (key: CreatedInviteKey) => void; onCancel: () => void }) {
  const create = useCreateInviteKey();
  const [days, setDays] = useState<string | number>(7);
  const [notes, setNotes] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const { errors, formError } = formErrors(create.error, clientErrors, ["expiresDays", "notes"]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateInviteKeyInput.safeParse({ expiresDays: days === "" ? undefined : Number(days), notes: notes.trim() || undefined });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    create.mutate(parsed.data, { onSuccess: onCreated });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {formError}
          </Alert>
        )}
        {/* No min/max/allowDecimal: Mantine would rewrite "2.5" as 25 or 9999 as 365; the contract says what is wrong instead. */}
        <NumberInput label="Valid for (days)" description="1 to 365" clampBehavior="none" data-autofocus value={days} onChange={setDays} error={fieldError(errors, "expiresDays")} />
        <Textarea
          label="Notes"
          description="Who it is for; shown in the list, never to the invitee"
          placeholder="For Nora, new analyst"
          autosize
          minRows={2}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={fieldError(errors, "notes")}
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
  const [created, setCreated] = useState<CreatedInviteKey | null>(null);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => setCreated(null)}
      title={created ? "Your new invite key" : "Create invite key"}
      centered
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? <NewKeyReveal created={created} onDone={onClose} /> : opened && <CreateForm onCreated={setCreated} onCancel={onClose} />}
    </Modal>
  );
}
