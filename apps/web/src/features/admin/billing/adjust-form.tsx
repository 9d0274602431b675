import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconAlertCircle, IconCheck } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { ZAdjustReserveInput } from "@atrium/sdk";
import { useContractForm } from "../../../lib/form";
import { dollarsToCents, formatCents, formatSignedCents } from "../../../lib/money";
import type { AdjustResult } from "../../../lib/trpc";
import { AccountPicker, useAllAccounts } from "./account-picker";
import { AdjustConfirmModal, type PendingAdjustment } from "./adjust-confirm-modal";
import { useAdjustContext, useAdjustReserve } from "./use-admin-billing";

interface Values extends Record<string, unknown> {
  tenantId: string | null;
  /** Dollars as typed; the contract takes cents. */
  amount: string | number;
  reason: string;
}
const toInput = ({ tenantId, amount, reason }: Values) => ({ tenantId, amountCents: dollarsToCents(amount), reason });

interface Applied {
  accountName: string;
  result: AdjustResult;
}

/** A staff correction to one tenant's balance; the reason goes into the ledger and the audit log. */
export function AdjustForm() {
  const adjust = useAdjustReserve();
  const accounts = useAllAccounts();
  const [applied, setApplied] = useState<Applied | null>(null);
  const [pending, setPending] = useState<PendingAdjustment | null>(null);
  const form = useContractForm({
    schema: ZAdjustReserveInput,
    initialValues: { tenantId: null, amount: "", reason: "" } as Values,
    toInput,
    fields: ["amountCents"],
    check: (values): Record<string, string> => {
      if (!values.tenantId) return { tenantId: "Pick the account to adjust" };
      const amountCents = dollarsToCents(values.amount);
      if (amountCents === null) return { amountCents: "Enter an amount in dollars, e.g. 25 or -12.50" };
      // Limits only once the contract is satisfied, so its messages come first.
      if (!ZAdjustReserveInput.safeParse(toInput(values)).success) return {};
      if (!context.data) return { tenantId: "Still loading this account's balance; try again in a moment" };
      const { maxCents, currency } = context.data;
      return Math.abs(amountCents) > maxCents ? { amountCents: `Adjustments are limited to ${formatCents(maxCents, currency)} either way` } : {};
    },
  });
  const { tenantId, reason } = form.values;
  const context = useAdjustContext(tenantId);
  const accountName = accounts.data?.find((a) => a.id === tenantId)?.name ?? "the account";

  // Step one: check against the api's contract, then show before/after in the confirm dialog.
  const review = form.submit(({ amountCents }) => {
    if (!context.data) return;
    const { balanceCents, currency, confirmAboveCents } = context.data;
    setPending({ accountName, amountCents, balanceCents, currency, confirmAboveCents });
  });
  const onSubmit = (event: FormEvent) => {
    setApplied(null);
    adjust.reset();
    form.setServerError(null);
    review(event);
  };

  const apply = () => {
    if (!tenantId || !pending) return;
    adjust.mutate(
      { tenantId, amountCents: pending.amountCents, reason },
      {
        onSuccess: (result) => {
          setApplied({ accountName, result });
          form.setValues({ amount: "", reason: "" });
        },
        onError: form.setServerError,
        onSettled: () => setPending(null),
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={onSubmit} noValidate data-testid="adjust-form">
      <Stack>
        <div>
          <Title order={4}>Adjust a balance</Title>
          <Text size="sm" c="dimmed">
            Credit or debit a tenant's balance by hand. The reason is kept in the ledger and the audit log.
          </Text>
        </div>
        {form.formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {form.formError}
          </Alert>
        )}
        {applied && (
          <Alert color="teal" variant="light" icon={<IconCheck size={18} />} data-testid="adjust-result">
            {formatSignedCents(applied.result.entry.amountCents)} applied to {applied.accountName}. New balance:{" "}
            <b data-testid="adjust-new-balance">{formatCents(applied.result.newBalanceCents)}</b>
            {!applied.result.applied && " (already applied earlier; nothing changed)"}
          </Alert>
        )}
        <AccountPicker value={tenantId} onChange={(id) => form.setFieldValue("tenantId", id)} error={form.errors.tenantId} />
        {context.data && (
          <Text size="sm">
            Balance now: <b data-testid="adjust-current-balance">{formatCents(context.data.balanceCents, context.data.currency)}</b>
          </Text>
        )}
        <NumberInput
          label="Amount"
          description="In dollars; a minus sign debits (e.g. -12.50)"
          prefix="$"
          // Typed as-is (no truncated decimals): dollarsToCents refuses what isn't whole cents.
          thousandSeparator=","
          {...form.getInputProps("amount")}
          error={form.errors.amountCents ?? form.errors.amount}
        />
        <Textarea
          label="Reason"
          description="Required. Shown to the tenant in their ledger."
          autosize
          minRows={2}
          {...form.getInputProps("reason")}
        />
        <Group justify="flex-end">
          <Button type="submit">Review adjustment</Button>
        </Group>
        <AdjustConfirmModal pending={pending} loading={adjust.isPending} onConfirm={apply} onClose={() => setPending(null)} />
      </Stack>
    </Paper>
  );
}
