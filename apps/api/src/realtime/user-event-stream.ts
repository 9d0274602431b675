import { TRPCError } from "@trpc/server";
import { authService, decodeAuthChange, toActor, topicsFor, type RealtimeHub, type RealtimeTopic, type StreamSlot, type StreamSlots, type TRealtimeEnvelope } from "@atrium/core";
import type { Actor } from "@atrium/core";
import type { Auth, Context } from "../trpc/context.js";

/** What a stream needs from the process: the shared hub and the per-user stream slots. */
export interface RealtimeDeps {
  hub: RealtimeHub;
  slots: StreamSlots;
}

/** A stream's session (and its topics) is re-read this often even when no change is announced. */
export const SESSION_RECHECK_MS = 30_000;

type StreamCtx = Context & { auth: Auth; actor: Actor };

export interface PreparedStream {
  topics: RealtimeTopic[];
  /** When the request arrived (before the slot and topics were read): a stream without lastEventId replays from a while before it. */
  requestedAt: Date;
  slot: StreamSlot;
  /** Frees the slot; safe to call twice (the stream's end and the request's abort both do). */
  release: () => void;
}

/**
 * Everything that can refuse a stream, before any byte of it is sent (so REST
 * can answer with a status): the realtime deps, a free slot, the caller's topics.
 */
export async function prepareUserStream(ctx: StreamCtx): Promise<PreparedStream> {
  const requestedAt = ctx.svc.now();
  const rt = ctx.realtime;
  if (!rt) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Live updates are not available on this server" });
  const slot = await rt.slots.take(ctx.actor.userId);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    void slot.release().catch((err: unknown) => ctx.logger.warn({ err }, "stream slot not released"));
  };
  try {
    return { topics: await topicsFor(ctx.svc, ctx.actor), requestedAt, slot, release };
  } catch (err) {
    release();
    throw err;
  }
}

const sameTopics = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * The caller's events until the request goes away or the session stops being
 * what opened the stream: logged out, disabled, password changed (announced on
 * `<prefix>:auth:changed`, re-read past the session cache) or, found by the
 * periodic re-check, expired or moved to other accounts. The stream then ends;
 * a client reconnecting gets a 401, or the new topics.
 */
export async function* runUserStream(ctx: StreamCtx, prepared: PreparedStream, lastEventId: string | null | undefined, signal?: AbortSignal, onSubscribed?: () => void): AsyncGenerator<TRealtimeEnvelope> {
  const rt = ctx.realtime as RealtimeDeps;
  const ended = new AbortController();
  const userId = ctx.actor.userId;
  let checks: Promise<void> = Promise.resolve();
  const check = (fresh: boolean) => {
    checks = checks.then(async () => {
      if (ended.signal.aborted) return;
      try {
        const svc = fresh ? { ...ctx.svc, sessionCache: undefined } : ctx.svc;
        const auth = ctx.token ? await authService.authenticateToken(svc, ctx.token) : null;
        if (!auth || auth.user.id !== userId || !sameTopics(await topicsFor(ctx.svc, toActor(auth.user)), prepared.topics)) return ended.abort();
        await prepared.slot.refresh();
      } catch (err) {
        ctx.logger.warn({ err }, "event stream re-check failed; kept open until the next one");
      }
    });
  };
  const leaveAuth = await rt.hub.listen(`${ctx.svc.config.REDIS_PREFIX}:auth:changed`, {
    message(payload) {
      const change = decodeAuthChange(payload);
      const mine = change === "all" || ("sessionId" in change ? change.sessionId === ctx.auth.sessionId : change.userId === userId);
      if (mine) check(true);
    },
  });
  const timer = setInterval(() => check(false), SESSION_RECHECK_MS);
  try {
    yield* rt.hub.openEventStream({ topics: prepared.topics, lastEventId, requestedAt: prepared.requestedAt, signal: signal ? AbortSignal.any([signal, ended.signal]) : ended.signal, onSubscribed });
  } finally {
    clearInterval(timer);
    leaveAuth();
    prepared.release();
  }
}
