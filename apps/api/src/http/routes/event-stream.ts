import { once } from "node:events";
import type { Response } from "express";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { MAX_STREAMS_PER_USER, ZRealtimeEnvelope, ZRealtimeEventId } from "@atrium/core";
import { prepareUserStream, runUserStream } from "../../realtime/user-event-stream.js";
import { SSE_PING_MS } from "../../trpc/init.js";
import { defineRawRoute } from "./raw-route.js";

/** Mounted under /api: the caller's live events as plain SSE, for curl, EventSource and the SDK. */
export const EVENTS_PATH = "/events/";

const ZEventsQuery = z.strictObject({ lastEventId: ZRealtimeEventId.optional() });

/** Writes and, when the socket's buffer is full, waits for it to drain: a slow reader holds back its own stream, not the process's memory. */
async function send(res: Response, chunk: string, signal: AbortSignal): Promise<void> {
  if (res.write(chunk) || signal.aborted) return;
  await once(res, "drain", { signal }).catch(() => undefined);
}

/**
 * The same stream as the tRPC subscription `events.stream`: `id:` lines carry
 * each event's id, so an EventSource (or `Last-Event-ID`) resumes after it;
 * comment lines keep the connection alive without spending the rate limit.
 */
export const eventStreamRoute = defineRawRoute({
  method: "get",
  path: EVENTS_PATH,
  procedure: "events.stream",
  access: "user",
  input: ZEventsQuery,
  async handle({ req, res, ctx, input }) {
    // The header wins, as EventSource sends it on reconnect; it is checked like the query parameter.
    const header = req.get("last-event-id");
    const lastEventId = header !== undefined ? z.object({ lastEventId: ZRealtimeEventId }).parse({ lastEventId: header }).lastEventId : input.lastEventId;
    const prepared = await prepareUserStream(ctx);
    const gone = new AbortController();
    res.on("close", () => gone.abort());
    // Headers only once every topic is subscribed: a client that sees the stream open misses nothing published after.
    // (A failure before that is still an ordinary JSON error answer.)
    const open = () => {
      res.status(200);
      res.setHeader("Content-Type", "text/event-stream; charset=utf-8");
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("X-Accel-Buffering", "no");
      res.flushHeaders();
      void send(res, "retry: 3000\n\n", gone.signal);
    };
    const ping = setInterval(() => void send(res, ": ping\n\n", gone.signal), SSE_PING_MS);
    try {
      for await (const envelope of runUserStream(ctx, prepared, lastEventId, gone.signal, open)) {
        await send(res, `id: ${envelope.id}\ndata: ${JSON.stringify(envelope)}\n\n`, gone.signal);
      }
    } finally {
      clearInterval(ping);
      prepared.release();
      if (res.headersSent && !res.writableEnded) res.end();
    }
  },
});

export const eventStreamOpenApiPaths: ZodOpenApiPathsObject = {
  [EVENTS_PATH]: {
    get: {
      tags: ["events"],
      summary: "Your live events (text/event-stream): messages, notifications, jobs, balance; staff views for staff",
      description: [
        "Server-sent events, one `data:` line per event (a RealtimeEnvelope as JSON) with its `id:`.",
        "Topics: your own, every account you are a member of, and staff-wide ones for staff; nothing of another tenant.",
        "Resume after a drop with the `Last-Event-ID` header (or `?lastEventId=`): missed events are replayed from a 24 h / 1,000-per-topic backlog;",
        "if that no longer reaches back, the first event is `resync` (refetch what you show).",
        "Without it, the stream first replays your events published in the few seconds (REALTIME_OPEN_REPLAY_SECONDS, default 10) before your request,",
        "so nothing between your own reads and the stream opening is lost (more than 100 of them: one `resync` instead). `: ping` comments every 15 s keep the connection open.",
        `Opening a stream spends no rate-limit budget; at most ${MAX_STREAMS_PER_USER} streams per user are open at once (429 beyond).`,
        "The stream ends when your session does (logout, password change, account disabled).",
      ].join(" "),
      security: [{ bearer: [] }],
      requestParams: {
        query: ZEventsQuery,
        header: z.object({ "last-event-id": ZRealtimeEventId.optional() }),
      },
      responses: {
        "200": { description: "The event stream", content: { "text/event-stream": { schema: ZRealtimeEnvelope } } },
        "400": { description: "`Last-Event-ID` / `lastEventId` is not an event id" },
        "401": { description: "Not authenticated" },
        "429": { description: `More than ${MAX_STREAMS_PER_USER} streams open for this user` },
      },
    },
  },
};
