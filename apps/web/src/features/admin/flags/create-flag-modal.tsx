import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { FLAG_TYPES, ZCreateFlagInput } from "@atrium/sdk";
import { useContractForm } from "../../../lib/form";
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
  const form = useContractForm({
    schema: ZCreateFlagInput,
    initialValues: { key: "", type: "boolean" as string, description: "", defaultText: "false" },
    toInput: ({ defaultText, ...v }) => ({ ...v, targeting: { default: valueOf(defaultText), rules: [] } }),
    // The contract names the default as targeting.default; the input holding it is defaultText.
    fields: ["targeting.default", "targeting"],
  });
  const submit = form.submit((input) => create.mutate(input, { onSuccess: onClose, onError: form.setServerError }));
  const defaultError = form.errors["targeting.default"] ?? form.errors.targeting ?? form.errors.defaultText;

  return (
    <Modal opened={opened} onClose={onClose} title="New feature flag" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {form.formError && <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>{form.formError}</Alert>}
          <TextInput label="Key" placeholder="new-editor" {...form.getInputProps("key")} data-autofocus />
          <Select label="Type" data={[...FLAG_TYPES]} allowDeselect={false} {...form.getInputProps("type")} />
          <TextInput label="Description" {...form.getInputProps("description")} />
          <TextInput label="Default value" description="JSON: true, 42, &quot;text&quot;, {…}" {...form.getInputProps("defaultText")} error={defaultError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create flag</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
