import { Text, Tooltip } from "@mantine/core";
import { formatCents } from "../../lib/money";

/** What a job cost once it ran; before that, the estimate it was started with. */
export function JobCost({ costCents, estimatedCostCents }: { costCents: number | null; estimatedCostCents: number }) {
  if (costCents !== null) {
    return (
      <Text size="sm" style={{ fontVariantNumeric: "tabular-nums" }} data-testid="job-cost">
        {formatCents(costCents)}
      </Text>
    );
  }
  return (
    <Tooltip label="Estimated; charged when the job finishes">
      <Text size="sm" c="dimmed" style={{ fontVariantNumeric: "tabular-nums" }}>
        ≈ {formatCents(estimatedCostCents)}
      </Text>
    </Tooltip>
  );
}

/** From start to finish, or so far while running. */
export function runMs(job: { startedAt: string | null; finishedAt: string | null }, now = Date.now()): number | null {
  if (!job.startedAt) return null;
  const end = job.finishedAt ? new Date(job.finishedAt).getTime() : now;
  return Math.max(0, end - new Date(job.startedAt).getTime());
}
