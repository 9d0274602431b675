// STAND-IN until engineer rt's lib/realtime.tsx lands on main (signal rt-spa): the same API, no stream.
// Deleted (theirs taken) on merge.
import type { TRealtimeEnvelope, TRealtimeEvent, TRealtimeEventType } from "@atrium/sdk";

export type RealtimeStatus = "connecting" | "live" | "reconnecting";
type Handler = (event: TRealtimeEvent, envelope: TRealtimeEnvelope) => void;

export function useRealtimeEvent(_types: readonly TRealtimeEventType[], _handler: Handler): void {}

export function useRealtimeStatus(): RealtimeStatus {
  return "connecting";
}
