import { Alert, Group, Loader, Text } from "@mantine/core";
import { IconAlertCircle, IconAlertTriangle, IconBan, IconCircleCheck } from "@tabler/icons-react";
import { errorMessage } from "../../lib/errors";
import { formatCents } from "../../lib/money";
import type { JobEstimate } from "../../lib/trpc";

const VERDICTS: Record<string, { color: string; title: string; icon: typeof IconCircleCheck }> = {
  ok: { color: "teal", title: "Ready to run", icon: IconCircleCheck },
  warn: { color: "yellow", title: "Your balance is low", icon: IconAlertTriangle },
  blocked: { color: "red", title: "This job can't run", icon: IconBan },
  limited_blocked: { color: "red", title: "This job can't run", icon: IconBan },
};

export const isBlocked = (estimate: JobEstimate | undefined) => estimate?.verdict === "blocked" || estimate?.verdict === "limited_blocked";

interface EstimatePanelProps {
  estimate: JobEstimate | undefined;
  loading: boolean;
  error: unknown;
}

/** What the run will cost and what the low-balance policy says about it, in the server's words. */
export function EstimatePanel({ estimate, loading, error }: EstimatePanelProps) {
  if (error) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Couldn't estimate the cost">
        {errorMessage(error)}
      </Alert>
    );
  }
  if (!estimate) {
    return (
      <Group gap="xs" c="dimmed" mih={60}>
        {loading && <Loader size="xs" />}
        <Text size="sm" c="dimmed">
          {loading ? "Estimating the cost…" : "Pick the documents to see what this costs."}
        </Text>
      </Group>
    );
  }
  const verdict = VERDICTS[estimate.verdict] ?? VERDICTS.ok;
  const Icon = verdict?.icon ?? IconCircleCheck;
  return (
    <Alert color={verdict?.color} variant="light" icon={<Icon size={18} />} title={verdict?.title} data-testid="estimate" data-verdict={estimate.verdict}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm">{estimate.message ?? "Your balance covers this job."}</Text>
        <Group gap={6} wrap="nowrap">
          {loading && <Loader size={12} />}
          <Text size="sm" fw={700} style={{ whiteSpace: "nowrap" }} data-testid="estimate-cost">
            ≈ {formatCents(estimate.estimatedCents)}
          </Text>
        </Group>
      </Group>
    </Alert>
  );
}
