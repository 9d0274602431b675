import { Badge } from "@mantine/core";
import { STATUS_COLORS, STATUS_LABELS, type PostingStatus } from "./posting-labels";

export function PostingStatusBadge({ status }: { status: PostingStatus }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} data-testid="posting-status">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
