import { Badge, Box } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

const POLL_MS = 5_000;

// Plain fetch, not tRPC: liveness is a REST route, and a dead api must read as
// "offline" rather than go through the client's 503 retries.
async function fetchHealth(): Promise<{ status: string }> {
  const res = await fetch("/api/healthz/", { cache: "no-store", signal: AbortSignal.timeout(3_000) });
  if (!res.ok) throw new Error(`healthz answered ${res.status}`);
  return (await res.json()) as { status: string };
}

export function ApiStatus() {
  const health = useQuery({
    // Not a procedure, so not a tRPC key.
    queryKey: ["healthz"],
    queryFn: fetchHealth,
    refetchInterval: POLL_MS,
    retry: false,
    staleTime: 0,
  });
  const state = health.isPending ? "checking" : health.isSuccess && health.data.status === "ok" ? "online" : "offline";
  const color = state === "online" ? "teal" : state === "offline" ? "red" : "gray";
  return (
    // A native title, not Mantine's Tooltip: its popover engine would join every page's first load for one hint.
    <Badge
      title={state === "offline" ? "The API is not answering" : "Checked every 5 seconds"}
      data-testid="api-status"
      data-state={state}
      variant="light"
      color={color}
      size="lg"
      radius="xl"
      tt="none"
      leftSection={<Box w={8} h={8} bg={`var(--mantine-color-${color}-6)`} style={{ borderRadius: "50%" }} />}
    >
      API {state}
    </Badge>
  );
}
