import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconAlertCircle, IconCheck } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { type FieldErrors } from "../../../lib/errors";
import { fieldError, formErrors } from "../../../lib/form";
import { dollarsToCents, formatCents, formatSignedCents } from "../../../lib/money";
import type { AdjustResult } from "../../../lib/trpc";
import { AccountPicker, useAllAccounts } from "./account-picker";
import { useAdjustReserve } from "./use-admin-billing";

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
  const { errors, formError } = formErrors(adjust.error, clientErrors, FIELDS);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setApplied(null);
    // Only what the browser must convert is checked here; the rest (a reason, limits) is the api's to say.
    const amountCents = dollarsToCents(amount);
    const problems: FieldErrors = {};
    if (!tenantId) problems.tenantId = ["Pick the account to adjust"];
    if (amountCents === null) problems.amountCents = ["Enter an amount in dollars, e.g. 25 or -12.50"];
    setClientErrors(problems);
    if (!tenantId || amountCents === null) return;
    adjust.mutate(
      { tenantId, amountCents, reason },
      {
        onSuccess: (result) => {
          const accountName = accounts.data?.find((a) => a.id === tenantId)?.name ?? "the account";
          setApplied({ accountName, result });
          setAmount("");
          setReason("");
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={onSubmit} noValidate data-testid="adjust-form">
      <Stack>
        <div>
          <Title order={4}>Adjust a balance</Title>
          <Text size="sm" c="dimmed">
            Credit or debit a tenant's reserve by hand. The reason is kept in the ledger and the audit log.
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
        <NumberInput
          label="Amount"
          description="In dollars; a minus sign debits (e.g. -12.50)"
          prefix="$"
          decimalScale={2}
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
          <Button type="submit" loading={adjust.isPending}>
            Apply adjustment
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
