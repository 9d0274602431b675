import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { FLAG_TYPES, ZCreateFlagInput, type TFlagType } from "@atrium/sdk";
import { fieldErrorsOfIssues, type FieldErrors } from "../../../lib/errors";
import { fieldError, formErrors } from "../../../lib/form";
import { useCreateFlag } from "./use-flags";

/** The default typed in: JSON when it parses (true, 3, {"a":1}), else the text itself. */
const valueOf = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export function CreateFlagModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateFlag();
  const [key, setKey] = useState("");
  const [type, setType] = useState<TFlagType>("boolean");
  const [description, setDescription] = useState("");
  const [defaultText, setDefaultText] = useState("false");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ZCreateFlagInput.safeParse({ key, type, description, targeting: { default: valueOf(defaultText), rules: [] } });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    create.mutate(parsed.data, { onSuccess: onClose });
  };
  const { errors, formError } = formErrors(create.error, clientErrors, ["key", "type", "description", "targeting.default"]);

  return (
    <Modal opened={opened} onClose={onClose} title="New feature flag" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>{formError}</Alert>}
          <TextInput label="Key" placeholder="new-editor" value={key} onChange={(e) => setKey(e.currentTarget.value)} error={fieldError(errors, "key")} data-autofocus />
          <Select label="Type" data={[...FLAG_TYPES]} value={type} onChange={(v) => v && setType(v as TFlagType)} allowDeselect={false} />
          <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(errors, "description")} />
          <TextInput label="Default value" description="JSON: true, 42, &quot;text&quot;, {…}" value={defaultText} onChange={(e) => setDefaultText(e.currentTarget.value)} error={fieldError(errors, "targeting.default") ?? fieldError(errors, "targeting")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create flag</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
