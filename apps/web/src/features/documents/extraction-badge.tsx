import { Badge, Loader, Tooltip } from "@mantine/core";
import { EXTRACTION_COLORS, EXTRACTION_LABELS } from "./document-labels";

/** A recording has no text to extract: its text is the transcript an interview transcription writes. */
const RECORDING_LABELS: Record<string, string> = { pending: "Not transcribed yet", failed: "Not transcribed yet", done: "Transcript ready" };

export function ExtractionBadge({ status, error, recording = false }: { status: string; error?: string | null; recording?: boolean }) {
  if (recording) {
    return (
      <Badge variant="light" color={status === "done" ? "teal" : "gray"} tt="none" data-testid="extraction-status" data-status={status}>
        {RECORDING_LABELS[status] ?? status}
      </Badge>
    );
  }
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
