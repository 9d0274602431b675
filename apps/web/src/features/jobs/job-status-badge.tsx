import { Badge, Loader, type BadgeProps } from "@mantine/core";
import { isJobStatus, STATUS_COLORS, STATUS_LABELS } from "./job-labels";

/** A job's status; a spinner while the worker is on it. */
export function JobStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const known = isJobStatus(status);
  return (
    <Badge
      variant="light"
      color={known ? STATUS_COLORS[status] : "gray"}
      leftSection={status === "running" ? <Loader size={10} color="blue" type="oval" /> : undefined}
      data-testid="job-status"
      data-status={status}
      {...props}
    >
      {known ? STATUS_LABELS[status] : status}
    </Badge>
  );
}
