// STAND-IN until engineer rt's lib/realtime.tsx lands on main (signal rt-spa): the same API, no stream.
// Deleted (theirs taken) on merge.
import type { TRealtimeEnvelope, TRealtimeEvent, TRealtimeEventType } from "@atrium/sdk";

export type RealtimeStatus = "connecting" | "live" | "reconnecting";
type EventOf<T extends TRealtimeEventType> = Extract<TRealtimeEvent, { type: T }>;

export function useRealtimeEvent<T extends TRealtimeEventType>(_types: readonly T[], _handler: (event: EventOf<T>, envelope: TRealtimeEnvelope) => void): void {}

export function useRealtimeStatus(): RealtimeStatus {
  return "connecting";
}
