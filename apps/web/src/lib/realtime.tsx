// STAND-IN until engineer rt's realtime provider lands (signal rt-spa): same API, no stream.
// On merge, take rt's version of this file whole.
import type { TRealtimeEnvelope, TRealtimeEvent, TRealtimeEventType } from "@atrium/sdk";

export type RealtimeStatus = "connecting" | "live" | "reconnecting";

export function useRealtimeEvent(_types: TRealtimeEventType[], _handler: (event: TRealtimeEvent, envelope: TRealtimeEnvelope) => void): void {}

export function useRealtimeStatus(): RealtimeStatus {
  return "connecting";
}
