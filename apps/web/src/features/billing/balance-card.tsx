import { Alert, Badge, Button, Group, Loader, Paper, Skeleton, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconPlus } from "@tabler/icons-react";
import { QueryError } from "../../components/query-error";
import { formatCents } from "../../lib/money";
import { POLICY_COLORS, POLICY_LABELS } from "./billing-labels";
import { balanceState, balanceStateMessage } from "./balance-state";
import { useBalance } from "./use-billing";

const AMOUNT_COLORS = { ok: undefined, low: "yellow.7", blocked: "red.7" } as const;

interface BalanceCardProps {
  onTopUp: () => void;
  /** Account admins and owners; others see why the button is off. */
  canTopUp: boolean;
  /** Back from checkout and waiting for the payment to show up. */
  processing: boolean;
}

export function BalanceCard({ onTopUp, canTopUp, processing }: BalanceCardProps) {
  const balance = useBalance();
  if (balance.isError) return <QueryError error={balance.error} title="Couldn't load your balance" onRetry={() => void balance.refetch()} />;

  const data = balance.data;
  const state = data ? balanceState(data) : "ok";
  const message = data ? balanceStateMessage(data) : null;
  return (
    <Paper withBorder radius="md" p="lg" h="100%" data-testid="balance-card" aria-busy={processing}>
      <Stack gap="md" h="100%">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" c="dimmed" fw={500}>
              Prepaid balance
            </Text>
            {data ? (
              <Title order={1} fz={44} lh={1.1} c={AMOUNT_COLORS[state]} style={{ fontVariantNumeric: "tabular-nums" }} data-testid="balance-amount">
                {formatCents(data.balanceCents, data.currency)}
              </Title>
            ) : (
              <Skeleton h={48} w={200} />
            )}
            {data && (
              <Group gap="xs" mt={4}>
                <Badge variant="light" color={POLICY_COLORS[data.policy]} data-testid="balance-policy">
                  Policy: {POLICY_LABELS[data.policy]}
                </Badge>
                <Text size="sm" c="dimmed">
                  Low below {formatCents(data.thresholdCents, data.currency)} · {data.currency.toUpperCase()}
                </Text>
              </Group>
            )}
          </Stack>
          <Tooltip label="Only account admins and owners can top up" disabled={canTopUp}>
            {/* data-disabled, not disabled: a disabled button gets no hover, so the tooltip wouldn't show. */}
            <Button
              size="md"
              leftSection={<IconPlus size={18} />}
              onClick={(event) => (canTopUp ? onTopUp() : event.preventDefault())}
              disabled={!data || processing}
              data-disabled={!canTopUp || undefined}
            >
              Top up
            </Button>
          </Tooltip>
        </Group>
        {processing && (
          <Alert color="blue" variant="light" icon={<Loader size={16} />} data-testid="topup-processing">
            Processing payment… your balance updates as soon as it arrives.
          </Alert>
        )}
        {!processing && message && (
          <Alert color={state === "blocked" ? "red" : "yellow"} variant="light" icon={<IconAlertTriangle size={18} />}>
            {message}
          </Alert>
        )}
        <Text size="xs" c="dimmed" mt="auto">
          Jobs are charged from this balance once they finish; a top-up counts as soon as the payment clears.
        </Text>
      </Stack>
    </Paper>
  );
}
