import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconAlertCircle, IconLock } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ZCreateTopupSessionInput } from "@atrium/sdk";
import { useContractForm } from "../../lib/form";
import { formatCents } from "../../lib/money";
import { useLimits } from "../../lib/use-limits";
import type { Balance } from "../../lib/trpc";
import { rememberPendingTopup } from "./pending-topup";
import { balanceQuery, useCreateTopupSession } from "./use-billing";

const PRESETS = [10, 25, 50, 100] as const;
const toInput = ({ amountDollars }: { amountDollars: string | number }) => ({ amountDollars: amountDollars === "" ? undefined : Number(amountDollars) });

function PresetButton({ dollars, selected, onSelect }: { dollars: number; selected: boolean; onSelect: () => void }) {
  return (
    <UnstyledButton
      onClick={onSelect}
      aria-pressed={selected}
      py="md"
      ta="center"
      fz="lg"
      fw={600}
      style={{
        borderRadius: "var(--mantine-radius-md)",
        border: `1px solid ${selected ? "var(--mantine-primary-color-filled)" : "var(--mantine-color-default-border)"}`,
        background: selected ? "var(--mantine-primary-color-light)" : undefined,
        color: selected ? "var(--mantine-primary-color-light-color)" : undefined,
      }}
    >
      {formatCents(dollars * 100)}
    </UnstyledButton>
  );
}

function TopupForm({ onCancel }: { onCancel: () => void }) {
  const queryClient = useQueryClient();
  const create = useCreateTopupSession();
  const [leaving, setLeaving] = useState(false);
  const limits = useLimits().data;
  const range = limits ? `Any amount from ${formatCents(limits.topupMinDollars * 100)} to ${formatCents(limits.topupMaxDollars * 100)}` : "Or type any amount in dollars";
  // Back from checkout via the browser's back button restores this page from cache, mid-spin.
  useEffect(() => {
    const reset = (event: PageTransitionEvent) => event.persisted && setLeaving(false);
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);
  const form = useContractForm({
    schema: ZCreateTopupSessionInput,
    initialValues: { amountDollars: 50 as string | number },
    toInput,
    // The range is shown under the field; outside it, say so here rather than after a round trip.
    check: (values): Record<string, string> => {
      const parsed = ZCreateTopupSessionInput.safeParse(toInput(values));
      if (!parsed.success || !limits) return {};
      const dollars = parsed.data.amountDollars;
      return dollars < limits.topupMinDollars || dollars > limits.topupMaxDollars ? { amountDollars: `${range}.` } : {};
    },
  });
  const amount = form.values.amountDollars;
  // A new amount is a new question: yesterday's "too small" shouldn't sit under it.
  const changeAmount = (next: string | number) => {
    form.setFieldValue("amountDollars", next);
    form.setServerError(null);
  };

  const onSubmit = form.submit((input) =>
    create.mutate(input, {
      onSuccess: (session) => {
        const before: Balance | undefined = queryClient.getQueryData(balanceQuery.queryKey);
        rememberPendingTopup({
          sessionId: session.sessionId,
          amountCents: session.amountCents,
          currency: session.currency,
          balanceBeforeCents: before?.accountId === session.accountId ? before.balanceCents : null,
        });
        // Keep the button spinning until the browser has left for checkout.
        setLeaving(true);
        window.location.assign(session.checkoutUrl);
      },
      onError: form.setServerError,
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {form.formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {form.formError}
          </Alert>
        )}
        <SimpleGrid cols={4} spacing="sm">
          {PRESETS.map((dollars) => (
            <PresetButton key={dollars} dollars={dollars} selected={Number(amount) === dollars} onSelect={() => changeAmount(dollars)} />
          ))}
        </SimpleGrid>
        <NumberInput
          label="Amount"
          description={range}
          prefix="$"
          // No min/decimalScale/allowNegative: those silently turned "-25" into $25; the contract refuses it instead.
          clampBehavior="none"
          thousandSeparator=","
          {...form.getInputProps("amountDollars")}
          onChange={changeAmount}
        />
        <Group justify="space-between" mt="xs" wrap="nowrap">
          <Group gap={6} wrap="nowrap">
            <IconLock size={14} color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              You pay on a secure checkout page, then come back here.
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || leaving}>
              Continue to checkout
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Amount first, then off to checkout (Stripe, or the api's local checkout in development). */
export function TopupModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  // A fresh form for each opening, swapped only once the fade-out ends so it doesn't flash.
  const [formKey, setFormKey] = useState(0);
  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={() => setFormKey((k) => k + 1)} title="Top up your balance" centered size="lg">
      <TopupForm key={formKey} onCancel={onClose} />
    </Modal>
  );
}
