import { Text } from "@mantine/core";
import { formatDateTime, formatRelative } from "../lib/format";

/** A relative time with the exact one on hover; `empty` when there is none. */
export function DateCell({ iso, empty = "—" }: { iso: string | null; empty?: string }) {
  if (!iso) return <Text c="dimmed" size="sm">{empty}</Text>;
  return (
    <Text size="sm" title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </Text>
  );
}
