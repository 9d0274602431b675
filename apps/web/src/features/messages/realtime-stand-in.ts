// TEMPORARY stand-in for apps/web/src/lib/realtime.tsx (engineer rt's provider): same signatures,
// no stream. Deleted on merge, when the imports switch to "../../lib/realtime".
import type { TRealtimeEnvelope, TRealtimeEvent, TRealtimeEventType } from "@atrium/sdk";

export function useRealtimeEvent(_types: TRealtimeEventType[], _handler: (event: TRealtimeEvent, envelope: TRealtimeEnvelope) => void): void {}

export function useRealtimeStatus(): "connecting" | "live" | "reconnecting" {
  return "connecting";
}
