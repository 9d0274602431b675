import { Alert, Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { formatCents, formatSignedCents } from "../../../lib/money";

export interface PendingAdjustment {
  accountName: string;
  amountCents: number;
  balanceCents: number;
  currency: string;
  /** Above this (either way) the admin confirms twice. */
  confirmAboveCents: number;
}

/**
 * Before → after, then apply. Large amounts take a second, explicit step: a
 * slipped finger (an extra zero, a wrong sign) should never land in one click.
 */
export function AdjustConfirmModal({ pending, loading, onConfirm, onClose }: { pending: PendingAdjustment | null; loading: boolean; onConfirm: () => void; onClose: () => void }) {
  const [step, setStep] = useState<1 | 2>(1);
  const large = pending ? Math.abs(pending.amountCents) > pending.confirmAboveCents : false;
  const close = () => {
    setStep(1);
    onClose();
  };
  const confirm = () => {
    if (large && step === 1) return setStep(2);
    onConfirm();
  };
  return (
    <Modal opened={pending !== null} onClose={close} onExitTransitionEnd={() => setStep(1)} title="Confirm the adjustment" centered>
      {pending && (
        <Stack>
          <Table data-testid="adjust-preview">
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>Account</Table.Td>
                <Table.Td>{pending.accountName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Balance now</Table.Td>
                <Table.Td data-testid="adjust-before">{formatCents(pending.balanceCents, pending.currency)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Adjustment</Table.Td>
                <Table.Td data-testid="adjust-amount">{formatSignedCents(pending.amountCents, pending.currency)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Balance after</Table.Td>
                <Table.Td data-testid="adjust-after" fw={600}>
                  {formatCents(pending.balanceCents + pending.amountCents, pending.currency)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {step === 2 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="This is a large adjustment" data-testid="adjust-second-confirm">
              It is more than {formatCents(pending.confirmAboveCents, pending.currency)}. Check the amount and its sign once more.
            </Alert>
          )}
          {step === 1 && large && (
            <Text size="sm" c="dimmed">
              Above {formatCents(pending.confirmAboveCents, pending.currency)} you will be asked once more.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color={step === 2 ? "red" : undefined} loading={loading} onClick={confirm}>
              {step === 2 ? `Yes, apply ${formatSignedCents(pending.amountCents, pending.currency)}` : "Apply adjustment"}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
