import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { errorMessage } from "../lib/errors";

interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  /** The refusal stays in the dialog, next to what was asked (e.g. "the last owner can't leave"). */
  error?: unknown;
  /** Keeps the confirm button off until the question is answered (e.g. a name typed back). */
  confirmDisabled?: boolean;
}

/** A yes/no question before anything that can't be undone or hurts someone else. */
export function ConfirmModal({ opened, onClose, onConfirm, title, children, confirmLabel, color = "red", loading, error, confirmDisabled }: ConfirmModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        {children}
        {error != null && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={color} onClick={onConfirm} loading={loading} disabled={confirmDisabled}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
