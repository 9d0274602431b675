import type { Redis } from "ioredis";
import type { Logger } from "@atrium/config";

/** One local listener of a Redis channel. `gap` runs when the subscription came back after a drop (messages may be lost). */
export interface ChannelListener {
  message(payload: string): void;
  gap?(): void;
}

/**
 * The process's one Redis subscriber connection, shared by every stream: a
 * channel is SUBSCRIBEd when its first local listener arrives and UNSUBSCRIBEd
 * after its last leaves, and each message fans out in memory. 1,000 streams are
 * 1,000 listeners, not 1,000 connections.
 */
export interface ChannelHub {
  /** Resolves once Redis has confirmed the SUBSCRIBE; the returned function removes the listener. */
  listen(channel: string, listener: ChannelListener): Promise<() => void>;
  /** Local channels and listeners (for metrics and tests). */
  stats(): { channels: number; listeners: number };
  close(): Promise<void>;
}

export interface ChannelHubOptions {
  /** A dedicated connection (a subscribed client can run nothing else); the hub connects it when needed. */
  subscriber: Redis;
  logger: Logger;
}

export function createChannelHub({ subscriber, logger }: ChannelHubOptions): ChannelHub {
  const listeners = new Map<string, Set<ChannelListener>>();
  // Per channel, the last SUBSCRIBE/UNSUBSCRIBE sent: the next one waits for it, so a quick leave-and-rejoin can't end unsubscribed.
  const pending = new Map<string, Promise<unknown>>();
  let wasReady = false;
  let closed = false;

  const chain = (channel: string, op: () => Promise<unknown>) => {
    const next = (pending.get(channel) ?? Promise.resolve()).catch(() => undefined).then(op);
    pending.set(channel, next);
    void next.finally(() => pending.get(channel) === next && pending.delete(channel)).catch(() => undefined);
    return next;
  };

  subscriber.on("message", (channel: string, payload: string) => {
    const set = listeners.get(channel);
    if (!set) return;
    for (const l of [...set]) {
      try {
        l.message(payload);
      } catch (err) {
        logger.warn({ err, channel }, "realtime listener failed");
      }
    }
  });
  subscriber.on("error", (err: Error) => logger.warn({ err: err.message }, "realtime subscriber error"));
  // ioredis re-subscribes after a reconnect by itself; what was published meanwhile is gone, so listeners catch up.
  // "ready" fires before those SUBSCRIBEs are sent: confirm our own first, then let listeners read what they missed.
  subscriber.on("ready", () => {
    const channels = [...listeners.keys()];
    if (wasReady && channels.length) {
      void subscriber.subscribe(...channels).then(
        () => {
          for (const set of listeners.values()) for (const l of set) l.gap?.();
        },
        (err: unknown) => logger.warn({ err }, "realtime resubscribe failed"),
      );
    }
    wasReady = true;
  });

  const connected = async () => {
    if (subscriber.status === "wait") await subscriber.connect();
  };

  return {
    async listen(channel, listener) {
      if (closed) throw new Error("realtime hub closed");
      let set = listeners.get(channel);
      const first = !set;
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      try {
        // Every listener waits for the SUBSCRIBE, the first one's or the one already in flight.
        await (first ? chain(channel, async () => (await connected(), subscriber.subscribe(channel))) : (pending.get(channel) ?? Promise.resolve()));
      } catch (err) {
        remove(channel, listener);
        throw err;
      }
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        remove(channel, listener);
      };
    },
    stats() {
      let n = 0;
      for (const set of listeners.values()) n += set.size;
      return { channels: listeners.size, listeners: n };
    },
    async close() {
      closed = true;
      listeners.clear();
      // QUIT lets SUBSCRIBE/UNSUBSCRIBE replies still in flight arrive instead of failing with "Connection is closed".
      if (subscriber.status === "ready") await subscriber.quit().catch(() => subscriber.disconnect());
      else subscriber.disconnect();
    },
  };

  function remove(channel: string, listener: ChannelListener) {
    const set = listeners.get(channel);
    if (!set?.delete(listener) || set.size > 0) return;
    listeners.delete(channel);
    if (closed) return;
    void chain(channel, () => (listeners.has(channel) ? Promise.resolve() : subscriber.unsubscribe(channel))).catch((err: unknown) =>
      logger.warn({ err, channel }, "realtime unsubscribe failed"),
    );
  }
}
