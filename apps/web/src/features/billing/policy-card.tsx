import { Button, Group, NumberInput, Paper, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { ZUpdateBillingProfileInput } from "@atrium/sdk";
import { FormAlert } from "../../components/form-alert";
import { QueryState } from "../../components/query-state";
import { useContractForm } from "../../lib/form";
import { dollarsToCents } from "../../lib/money";
import type { BillingProfile } from "../../lib/trpc";
import { isPolicy, POLICY_DESCRIPTIONS, POLICY_OPTIONS } from "./billing-labels";
import { useBillingProfile, useUpdateBillingProfile } from "./use-billing";

function PolicyForm({ profile, canEdit }: { profile: BillingProfile; canEdit: boolean }) {
  const update = useUpdateBillingProfile();
  const form = useContractForm({
    schema: ZUpdateBillingProfileInput,
    // The threshold is typed in dollars, under the contract's name so the api's errors land on it.
    initialValues: { lowBalancePolicy: profile.lowBalancePolicy, lowBalanceThresholdCents: (profile.lowBalanceThresholdCents / 100) as string | number },
    toInput: (v) => ({ lowBalancePolicy: v.lowBalancePolicy, lowBalanceThresholdCents: dollarsToCents(v.lowBalanceThresholdCents) ?? undefined }),
    check: (v): Record<string, string> => (dollarsToCents(v.lowBalanceThresholdCents) === null ? { lowBalanceThresholdCents: "Enter the threshold in dollars, e.g. 10 or 12.50" } : {}),
  });
  const policy = form.values.lowBalancePolicy;
  const dirty = policy !== profile.lowBalancePolicy || dollarsToCents(form.values.lowBalanceThresholdCents) !== profile.lowBalanceThresholdCents;

  return (
    <form onSubmit={form.submit((input) => update.mutate(input, { onError: form.setServerError }))} noValidate>
      <Stack>
        <FormAlert message={form.formError} />
        <Select
          label="When the balance runs low"
          data={POLICY_OPTIONS}
          allowDeselect={false}
          disabled={!canEdit}
          {...form.getInputProps("lowBalancePolicy")}
          onChange={(value) => isPolicy(value) && form.setFieldValue("lowBalancePolicy", value)}
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
          {...form.getInputProps("lowBalanceThresholdCents")}
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
        <QueryState query={profile} errorTitle="Couldn't load the policy" loading={<Skeleton h={160} />}>
          {/* Keyed by the saved values, so a save resets the form to what the server has. */}
          {(data) => <PolicyForm key={`${data.lowBalancePolicy}:${data.lowBalanceThresholdCents}`} profile={data} canEdit={canEdit} />}
        </QueryState>
      </Stack>
    </Paper>
  );
}
