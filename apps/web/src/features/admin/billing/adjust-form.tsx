import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconAlertCircle, IconCheck } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { ZAdjustReserveInput } from "@atrium/sdk";
import { fieldErrorsOfIssues, type FieldErrors } from "../../../lib/errors";
import { fieldError, formErrors } from "../../../lib/form";
import { dollarsToCents, formatCents, formatSignedCents } from "../../../lib/money";
import type { AdjustResult } from "../../../lib/trpc";
import { AccountPicker, useAllAccounts } from "./account-picker";
import { AdjustConfirmModal, type PendingAdjustment } from "./adjust-confirm-modal";
import { useAdjustContext, useAdjustReserve } from "./use-admin-billing";

const FIELDS = ["tenantId", "amountCents", "reason"] as const;

interface Applied {
  accountName: string;
  result: AdjustResult;
}

/** A staff correction to one tenant's balance; the reason goes into the ledger and the audit log. */
export function AdjustForm() {
  const adjust = useAdjustReserve();
  const accounts = useAllAccounts();
  const [tenantId, setTenantId] = useState<string | null>(null);
  const [amount, setAmount] = useState<string | number>("");
  const [reason, setReason] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [applied, setApplied] = useState<Applied | null>(null);
  const [pending, setPending] = useState<PendingAdjustment | null>(null);
  const context = useAdjustContext(tenantId);
  const { errors, formError } = formErrors(adjust.error, clientErrors, FIELDS);
  const accountName = accounts.data?.find((a) => a.id === tenantId)?.name ?? "the account";

  // Step one: check against the api's contract, then show before/after in the confirm dialog.
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setApplied(null);
    adjust.reset();
    const amountCents = dollarsToCents(amount);
    if (!tenantId) return setClientErrors({ tenantId: ["Pick the account to adjust"] });
    if (amountCents === null) return setClientErrors({ amountCents: ["Enter an amount in dollars, e.g. 25 or -12.50"] });
    const parsed = ZAdjustReserveInput.safeParse({ tenantId, amountCents, reason });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    if (!context.data) return setClientErrors({ tenantId: ["Still loading this account's balance; try again in a moment"] });
    const { balanceCents, currency, maxCents, confirmAboveCents } = context.data;
    if (Math.abs(amountCents) > maxCents) return setClientErrors({ amountCents: [`Adjustments are limited to ${formatCents(maxCents, currency)} either way`] });
    setClientErrors({});
    setPending({ accountName, amountCents, balanceCents, currency, confirmAboveCents });
  };

  const apply = () => {
    if (!tenantId || !pending) return;
    adjust.mutate(
      { tenantId, amountCents: pending.amountCents, reason },
      {
        onSuccess: (result) => {
          setApplied({ accountName, result });
          setAmount("");
          setReason("");
        },
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
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {formError}
          </Alert>
        )}
        {applied && (
          <Alert color="teal" variant="light" icon={<IconCheck size={18} />} data-testid="adjust-result">
            {formatSignedCents(applied.result.entry.amountCents)} applied to {applied.accountName}. New balance:{" "}
            <b data-testid="adjust-new-balance">{formatCents(applied.result.newBalanceCents)}</b>
            {!applied.result.applied && " (already applied earlier; nothing changed)"}
          </Alert>
        )}
        <AccountPicker value={tenantId} onChange={setTenantId} error={fieldError(errors, "tenantId")} />
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
          value={amount}
          onChange={setAmount}
          error={fieldError(errors, "amountCents")}
        />
        <Textarea
          label="Reason"
          description="Required. Shown to the tenant in their ledger."
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(errors, "reason")}
        />
        <Group justify="flex-end">
          <Button type="submit">Review adjustment</Button>
        </Group>
        <AdjustConfirmModal pending={pending} loading={adjust.isPending} onConfirm={apply} onClose={() => setPending(null)} />
      </Stack>
    </Paper>
  );
}
