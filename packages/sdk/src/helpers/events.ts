import { EventSource } from "eventsource";
import type { TRealtimeEnvelope } from "@atrium/core/contracts";
import { AtriumError } from "../errors.js";
import type { RestTarget } from "../rest.js";

export interface SubscribeEventsOptions {
  /** Resume after this event id (replayed from the server's backlog). */
  lastEventId?: string;
  onEvent: (envelope: TRealtimeEnvelope) => void;
  /** Called each time the stream is (re)connected. */
  onOpen?: () => void;
  /** Ends the subscription; the returned promise then resolves. */
  signal?: AbortSignal;
}

/**
 * Tails GET /api/events/ (server-sent events) with the bearer token. Drops are
 * reconnected by the EventSource with the last id, so nothing is missed while the
 * backlog reaches back (else a `resync` event arrives first). Resolves when
 * `signal` aborts; rejects with an AtriumError when the server refuses the
 * stream (401, 429...) or the api can't be reached at the first try.
 */
export function subscribeEvents(target: Pick<RestTarget, "baseUrl" | "token" | "fetch">, opts: SubscribeEventsOptions): Promise<void> {
  const query = opts.lastEventId ? `?lastEventId=${encodeURIComponent(opts.lastEventId)}` : "";
  const url = `${target.baseUrl.replace(/\/$/, "")}/api/events/${query}`;
  const base = target.fetch ?? globalThis.fetch.bind(globalThis);
  return new Promise<void>((resolve, reject) => {
    if (opts.signal?.aborted) return resolve();
    let opened = false;
    const source = new EventSource(url, {
      fetch: (u, init) => base(String(u), { ...init, headers: { ...init?.headers, ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) } }),
    });
    const stop = () => {
      source.close();
      resolve();
    };
    opts.signal?.addEventListener("abort", stop, { once: true });
    source.onopen = () => {
      opened = true;
      opts.onOpen?.();
    };
    source.onmessage = (e) => {
      try {
        opts.onEvent(JSON.parse(e.data) as TRealtimeEnvelope);
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(err)));
      }
    };
    // A drop while open is reconnected by the EventSource itself; a refusal (or no server at the first try) is final.
    source.onerror = (e) => {
      if (source.readyState === EventSource.CLOSED || !opened) fail(new AtriumError(e.message || "The event stream could not be opened", { code: codeOf(e.code), status: e.code ?? 0 }));
    };
    function fail(err: Error) {
      source.close();
      opts.signal?.removeEventListener("abort", stop);
      reject(err);
    }
  });
}

const codeOf = (status: number | undefined) =>
  status === 401 ? "UNAUTHORIZED" : status === 429 ? "TOO_MANY_REQUESTS" : status === 400 ? "BAD_REQUEST" : status === 403 ? "FORBIDDEN" : "NETWORK_ERROR";
