import { Badge, Box } from "@mantine/core";
import { useRealtimeStatus, type RealtimeStatus } from "../../lib/realtime";

const LOOK: Record<RealtimeStatus, { label: string; color: string; title: string }> = {
  connecting: { label: "Connecting…", color: "gray", title: "Opening the live-updates stream" },
  live: { label: "Live", color: "teal", title: "Connected: changes show as they happen" },
  reconnecting: { label: "Reconnecting…", color: "orange", title: "The connection to the server dropped; what you see may be out of date until it is back" },
};

/**
 * The state of the tab's event stream, which is also the liveliest sign that the
 * api answers (the stream's pings arrive every 15 s), so it replaces a health poll.
 */
export function ApiStatus() {
  const state = useRealtimeStatus();
  const { label, color, title } = LOOK[state];
  return (
    // A native title, not Mantine's Tooltip: its popover engine would join every page's first load for one hint.
    <Badge
      title={title}
      data-testid="api-status"
      data-state={state}
      role="status"
      variant="light"
      color={color}
      size="lg"
      radius="xl"
      tt="none"
      leftSection={<Box w={8} h={8} bg={`var(--mantine-color-${color}-6)`} style={{ borderRadius: "50%" }} />}
    >
      {label}
    </Badge>
  );
}
