import { Alert, Button, Group, NumberInput, Paper, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { ZUpdateBillingProfileInput } from "@atrium/sdk";
import { QueryError } from "../../components/query-error";
import { fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import { fieldError, formErrors } from "../../lib/form";
import { dollarsToCents } from "../../lib/money";
import type { BillingProfile } from "../../lib/trpc";
import { isPolicy, POLICY_DESCRIPTIONS, POLICY_OPTIONS } from "./billing-labels";
import { useBillingProfile, useUpdateBillingProfile } from "./use-billing";

const FIELDS = ["lowBalancePolicy", "lowBalanceThresholdCents"] as const;

function PolicyForm({ profile, canEdit }: { profile: BillingProfile; canEdit: boolean }) {
  const update = useUpdateBillingProfile();
  const [policy, setPolicy] = useState(profile.lowBalancePolicy);
  const [threshold, setThreshold] = useState<string | number>(profile.lowBalanceThresholdCents / 100);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const { errors, formError } = formErrors(update.error, clientErrors, FIELDS);
  const thresholdCents = dollarsToCents(threshold);
  const dirty = policy !== profile.lowBalancePolicy || thresholdCents !== profile.lowBalanceThresholdCents;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (thresholdCents === null) return setClientErrors({ lowBalanceThresholdCents: ["Enter the threshold in dollars, e.g. 10 or 12.50"] });
    const parsed = ZUpdateBillingProfileInput.safeParse({ lowBalancePolicy: policy, lowBalanceThresholdCents: thresholdCents });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    update.mutate(parsed.data);
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {formError}
          </Alert>
        )}
        <Select
          label="When the balance runs low"
          data={POLICY_OPTIONS}
          allowDeselect={false}
          disabled={!canEdit}
          value={policy}
          onChange={(value) => isPolicy(value) && setPolicy(value)}
          renderOption={({ option }) => (
            <div>
              <Text size="sm" fw={500}>
                {option.label}
              </Text>
              <Text size="xs" c="dimmed">
                {isPolicy(option.value) ? POLICY_DESCRIPTIONS[option.value] : null}
              </Text>
            </div>
          )}
          description={POLICY_DESCRIPTIONS[policy]}
          inputWrapperOrder={["label", "input", "description", "error"]}
          error={fieldError(errors, "lowBalancePolicy")}
          comboboxProps={{ width: 340, position: "bottom-start" }}
        />
        <NumberInput
          label="Low-balance threshold"
          description="Below this the balance counts as low, and the owners get one email."
          prefix="$"
          // Typed as-is: a stripped minus saved "-5" as $5; the contract refuses it instead.
          clampBehavior="none"
          thousandSeparator=","
          disabled={!canEdit}
          value={threshold}
          onChange={setThreshold}
          error={fieldError(errors, "lowBalanceThresholdCents")}
        />
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!dirty}>
              Save policy
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The account's low-balance policy: admins and owners edit it; everyone else reads it. */
export function PolicyCard({ canEdit }: { canEdit: boolean }) {
  const profile = useBillingProfile();
  return (
    <Paper withBorder radius="md" p="lg" h="100%" data-testid="policy-card">
      <Stack gap="md">
        <div>
          <Title order={4}>Low-balance policy</Title>
          <Text size="sm" c="dimmed">
            {canEdit ? "What happens to new work when the balance is low." : "Only account admins and owners can change this."}
          </Text>
        </div>
        {profile.isPending && <Skeleton h={160} />}
        {profile.isError && <QueryError error={profile.error} title="Couldn't load the policy" onRetry={() => void profile.refetch()} />}
        {/* Keyed by the saved values, so a save resets the form to what the server has. */}
        {profile.isSuccess && (
          <PolicyForm key={`${profile.data.lowBalancePolicy}:${profile.data.lowBalanceThresholdCents}`} profile={profile.data} canEdit={canEdit} />
        )}
      </Stack>
    </Paper>
  );
}
