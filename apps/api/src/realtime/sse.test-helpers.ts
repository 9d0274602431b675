// Event streams as clients see them, for the api's tests: GET /api/events/ read with fetch, and the tRPC subscription through httpSubscriptionLink.
import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import { EventSource } from "eventsource";
import { createParser } from "eventsource-parser";
import { expect } from "vitest";
import { topicsFor, realtimeKey, type TRealtimeEnvelope } from "@atrium/core";
import type { TestApi } from "../testing.js";
import type { AppRouter } from "../trpc/root.js";

export interface OpenStream {
  /** The HTTP status (REST) or 200 once connected (tRPC). */
  status: Promise<number>;
  /** The body of a refused REST stream. */
  body: Promise<string>;
  got: TRealtimeEnvelope[];
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close: () => void;
}

/** GET /api/events/ as curl would: a bearer token, optional Last-Event-ID, the SSE frames parsed by eventsource-parser. */
export function restStream(api: Pick<TestApi, "url">, token: string | null, opts: { lastEventId?: string; query?: string } = {}): OpenStream {
  const ac = new AbortController();
  const got: TRealtimeEnvelope[] = [];
  const headers: Record<string, string> = { accept: "text/event-stream" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.lastEventId !== undefined) headers["last-event-id"] = opts.lastEventId;
  const res = fetch(`${api.url}/api/events/${opts.query ?? ""}`, { headers, signal: ac.signal });
  let body = "";
  const ended = res.then(async (r) => {
    if (r.status !== 200) return void (body = await r.text());
    const parser = createParser({ onEvent: (event) => got.push(JSON.parse(event.data) as TRealtimeEnvelope) });
    const decoder = new TextDecoder();
    const reader = (r.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      // An aborted request rejects the read: for a reader that is the stream's end.
      const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  });
  return { status: res.then((r) => r.status), body: ended.then(() => body), got, ended, close: () => ac.abort() };
}

/** The SPA's and SDK's way: httpSubscriptionLink over the eventsource package, the bearer sent by its custom fetch. */
export function trpcStream(api: Pick<TestApi, "url">, token: string | null, opts: { lastEventId?: string } = {}): OpenStream {
  const got: TRealtimeEnvelope[] = [];
  let connected: (n: number) => void = () => {};
  let finished: () => void = () => {};
  const status = new Promise<number>((r) => (connected = r));
  const ended = new Promise<void>((r) => (finished = r));
  let error = "";
  const client = createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: `${api.url}/trpc`,
        EventSource,
        eventSourceOptions: { fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } }) },
      }),
    ],
  });
  const sub = client.events.stream.subscribe(
    { lastEventId: opts.lastEventId },
    {
      onStarted: () => connected(200),
      onData: (d) => got.push(d.data),
      onError: (e) => {
        error = e.message;
        connected(e.data?.httpStatus ?? 500);
        finished();
      },
      onComplete: () => finished(),
      onConnectionStateChange: (s) => {
        // The server ended the stream (or refused a reconnect): tRPC's link reconnects by itself, which a test reads as "ended".
        if (s.state === "connecting" && s.error) finished();
      },
    },
  );
  return { status, body: ended.then(() => error), got, ended, close: () => sub.unsubscribe() };
}

export const TRANSPORTS = { rest: restStream, trpc: trpcStream } as const;

/** Waits until the streams of these users are subscribed in Redis, so an event published next reaches them live. */
export async function subscribed(api: TestApi, users: Array<{ id: string; isStaff?: boolean }>): Promise<void> {
  for (const u of users) {
    for (const t of await topicsFor(api.svc, { userId: u.id, isStaff: u.isStaff ?? false })) {
      const channel = realtimeKey(api.deps.config.REDIS_PREFIX, t);
      await expect.poll(async () => Number(((await api.deps.redis.pubsub("NUMSUB", channel)) as [string, number])[1]), { timeout: 5000 }).toBeGreaterThan(0);
    }
  }
}
