import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { TRealtimeEnvelope, TRealtimeEvent, TRealtimeEventType } from "@atrium/sdk";
import { isUnauthorized } from "./errors";
import { api } from "./trpc";

export type RealtimeStatus = "connecting" | "live" | "reconnecting";
type Handler = (event: TRealtimeEvent, envelope: TRealtimeEnvelope) => void;

interface Realtime {
  status: RealtimeStatus;
  on(types: readonly TRealtimeEventType[], handler: Handler): () => void;
}

const RealtimeContext = createContext<Realtime | null>(null);

/** Pause before resubscribing after the stream ended or failed: doubling from 1 s up to 30 s. */
const backoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

/**
 * The tab's one event stream (`events.stream` over SSE), opened for the
 * signed-in shell. Features listen with useRealtimeEvent; none opens its own.
 * After the stream was down (events may have been missed) and on a `resync`
 * event, every active query is refetched once. A stream the server ended
 * (a restart) is reopened after the last event seen; a 401 stops it (the
 * session ended: the app's 401 handling takes over).
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RealtimeStatus>("connecting");
  const handlers = useRef(new Map<TRealtimeEventType, Set<Handler>>());
  const [value] = useState<Omit<Realtime, "status">>(() => ({
    on(types, handler) {
      for (const t of types) {
        const set = handlers.current.get(t) ?? new Set();
        set.add(handler);
        handlers.current.set(t, set);
      }
      return () => {
        for (const t of types) handlers.current.get(t)?.delete(handler);
      };
    },
  }));

  useEffect(() => {
    let lastEventId: string | undefined;
    let wasLive = false;
    let missed = false;
    let attempt = 0;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let sub: { unsubscribe(): void } | undefined;
    const refetchShown = () => void queryClient.refetchQueries({ type: "active" });
    const down = () => {
      missed ||= wasLive;
      setStatus(wasLive ? "reconnecting" : "connecting");
    };
    const reopen = () => {
      sub?.unsubscribe();
      down();
      retry = setTimeout(open, backoff(attempt++));
    };
    function open() {
      if (stopped) return;
      sub = api.events.stream.subscribe(
        { lastEventId },
        {
          onConnectionStateChange(state) {
            if (state.state === "connecting" && state.error) down();
            if (state.state !== "pending") return;
            attempt = 0;
            wasLive = true;
            setStatus("live");
            if (missed) {
              missed = false;
              refetchShown();
            }
          },
          onData({ id, data }) {
            lastEventId = id;
            if (data.event.type === "resync") refetchShown();
            for (const h of handlers.current.get(data.event.type) ?? []) h(data.event, data);
          },
          onError(err) {
            if (isUnauthorized(err)) {
              stopped = true;
              sub?.unsubscribe();
              return;
            }
            reopen();
          },
          onComplete: reopen,
        },
      );
    }
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      sub?.unsubscribe();
    };
  }, [queryClient]);

  return <RealtimeContext.Provider value={{ ...value, status }}>{children}</RealtimeContext.Provider>;
}

/**
 * Calls `handler` for each live event of these types (on the tab's one
 * stream). The latest handler is used, so it may close over fresh state.
 */
export function useRealtimeEvent(types: readonly TRealtimeEventType[], handler: Handler): void {
  const realtime = useContext(RealtimeContext);
  const latest = useRef(handler);
  latest.current = handler;
  const key = types.join(",");
  useEffect(() => {
    if (!realtime) return;
    return realtime.on(key.split(",") as TRealtimeEventType[], (event, envelope) => latest.current(event, envelope));
    // `realtime.on` is stable; only the set of types matters.
  }, [key, realtime?.on]);
}

/** "live" while the stream is open; "reconnecting" after it dropped (the top bar says so). */
export function useRealtimeStatus(): RealtimeStatus {
  return useContext(RealtimeContext)?.status ?? "connecting";
}
