import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";

interface CopyActionProps {
  value: string;
  label: string;
  icon?: ReactNode;
}

export function CopyAction({ value, label, icon = <IconCopy size={16} /> }: CopyActionProps) {
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

export interface SecretReveal {
  /** The raw secret: the only time it is ever on screen (only its hash is stored). */
  secret: string;
  /** data-testid of the box holding it (the e2e tests read it there). */
  testId: string;
  warning: { title: string; body: ReactNode };
  copyLabel?: string;
  /** More copy buttons or hints under the secret (e.g. a signup link). */
  extra?: ReactNode;
  extraActions?: ReactNode;
}

function Reveal({ reveal, onDone }: { reveal: SecretReveal; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={reveal.warning.title}>
        {reveal.warning.body}
      </Alert>
      <Code block data-testid={reveal.testId} style={{ wordBreak: "break-all", whiteSpace: "pre-wrap", fontSize: "var(--mantine-font-size-md)" }}>
        {reveal.secret}
      </Code>
      {reveal.extra}
      <Group justify="space-between">
        <Group gap="xs">
          <CopyAction value={reveal.secret} label={reveal.copyLabel ?? "Copy key"} />
          {reveal.extraActions}
        </Group>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

interface SecretOnceModalProps<R> {
  opened: boolean;
  onClose: () => void;
  formTitle: string;
  secretTitle: string;
  /** The form; it calls `onCreated` with the api's answer, which `reveal` turns into the secret to show. */
  form: (onCreated: (created: R) => void) => ReactNode;
  reveal: (created: R) => SecretReveal;
  /** Under the form only (usage hints). */
  footer?: ReactNode;
}

/**
 * Every "create, then show the secret once" dialog (API keys, invite keys): the form, then the secret with a
 * copy button and a warning. Once the secret is up, a stray click outside can't lose it; the dialog resets
 * only after its fade-out, so it doesn't flash back to the form.
 */
export function SecretOnceModal<R>({ opened, onClose, formTitle, secretTitle, form, reveal, footer }: SecretOnceModalProps<R>) {
  const [created, setCreated] = useState<R | null>(null);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => setCreated(null)}
      title={created ? secretTitle : formTitle}
      centered
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? <Reveal reveal={reveal(created)} onDone={onClose} /> : opened && form(setCreated)}
      {!created && footer}
    </Modal>
  );
}
