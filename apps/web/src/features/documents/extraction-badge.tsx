import { Badge, Loader, Tooltip } from "@mantine/core";
import { EXTRACTION_COLORS, EXTRACTION_LABELS } from "./document-labels";

export function ExtractionBadge({ status, error }: { status: string; error?: string | null }) {
  const badge = (
    <Badge
      variant="light"
      color={EXTRACTION_COLORS[status] ?? "gray"}
      tt="none"
      leftSection={status === "pending" ? <Loader size={10} color="yellow" /> : undefined}
      data-testid="extraction-status"
      data-status={status}
    >
      {EXTRACTION_LABELS[status] ?? status}
    </Badge>
  );
  return error ? <Tooltip label={error}>{badge}</Tooltip> : badge;
}
