import type { AtriumClient, RouterOutputs } from "../client.js";

export type Job = RouterOutputs["jobs"]["get"];
export type JobEvent = RouterOutputs["jobs"]["events"]["items"][number];

/** A job's timeline as it grows: batches of new events, the last one with `done`. */
export type JobEventSource = (id: string, opts: { signal?: AbortSignal }) => AsyncIterable<{ events: JobEvent[]; done: boolean }>;

export interface WaitForJobOptions {
  /** Called once per timeline event, in order, as it arrives. */
  onEvent?: (event: JobEvent) => void;
  signal?: AbortSignal;
  /** First and longest pause between polls (default 500 ms doubling up to 5 s). */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Where events come from: the live event stream by default (liveJobEvents), polling `job.events` when it can't open. */
  source?: JobEventSource;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Polls `job.events` after the last seen seq: at once while events keep coming, backing off
 * (doubling up to maxIntervalMs) while the job is quiet.
 */
export function pollingJobEvents(client: AtriumClient, opts: { intervalMs?: number; maxIntervalMs?: number } = {}): JobEventSource {
  const first = opts.intervalMs ?? 500;
  const max = opts.maxIntervalMs ?? 5000;
  return async function* (id, { signal }) {
    let afterSeq = 0;
    let wait = first;
    for (;;) {
      const page = await client.jobs.events.query({ id, afterSeq }, { signal });
      afterSeq = page.items.at(-1)?.seq ?? afterSeq;
      yield { events: page.items, done: page.done };
      if (page.done) return;
      wait = page.items.length ? first : Math.min(max, wait * 2);
      await pause(wait, signal);
    }
  };
}

/** Waits for the stream to open (true) or to fail or stay shut for `ms` (false). */
function opened(client: AtriumClient, jobId: string, wake: () => void, signal: AbortSignal, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    const sub = client.events.stream.subscribe(
      {},
      {
        onStarted: () => done(true),
        onData: ({ data }) => {
          const e = data.event;
          // A missed stretch (resync) may have held this job's events: read again.
          if (e.type === "resync" || ((e.type === "job.updated" || e.type === "job.event") && e.jobId === jobId)) wake();
        },
        onError: () => done(false),
        onConnectionStateChange: (s) => s.state === "connecting" && s.error && done(false),
      },
    );
    signal.addEventListener("abort", () => sub.unsubscribe(), { once: true });
  });
}

/**
 * A job's timeline driven by the caller's event stream (`events.stream`): each
 * job.updated / job.event for it triggers one read of `job.events` after the last
 * seq, so nothing is read while the job is quiet. The stream opens before the first
 * read, so no change falls in between; a read every `maxIntervalMs` stays as a
 * safety net. When the stream can't open (an older api, a proxy that buffers SSE),
 * it falls back to pollingJobEvents.
 */
export function liveJobEvents(client: AtriumClient, opts: { intervalMs?: number; maxIntervalMs?: number; openTimeoutMs?: number } = {}): JobEventSource {
  const safety = opts.maxIntervalMs ?? 5000;
  return async function* (id, { signal }) {
    const stream = new AbortController();
    const stop = () => stream.abort();
    signal?.addEventListener("abort", stop, { once: true });
    // Set by a wake-up; each read starts by clearing it (a wake-up before the first read is covered by that read).
    let pending: boolean;
    let wake: (() => void) | null = null;
    const poke = () => {
      pending = true;
      wake?.();
    };
    try {
      if (!(await opened(client, id, poke, stream.signal, opts.openTimeoutMs ?? 5000))) {
        stream.abort();
        yield* pollingJobEvents(client, opts)(id, { signal });
        return;
      }
      let afterSeq = 0;
      for (;;) {
        pending = false;
        const page = await client.jobs.events.query({ id, afterSeq }, { signal });
        afterSeq = page.items.at(-1)?.seq ?? afterSeq;
        yield { events: page.items, done: page.done };
        if (page.done) return;
        if (pending) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, safety);
          wake = () => (clearTimeout(timer), resolve());
          signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
        });
        wake = null;
        if (signal?.aborted) throw signal.reason;
      }
    } finally {
      stream.abort();
      signal?.removeEventListener("abort", stop);
    }
  };
}

/** Resolves with the finished job (success, failed or cancelled), emitting each timeline event on the way. */
export async function waitForJob(client: AtriumClient, id: string, opts: WaitForJobOptions = {}): Promise<Job> {
  const source = opts.source ?? liveJobEvents(client, opts);
  for await (const batch of source(id, { signal: opts.signal })) {
    for (const event of batch.events) opts.onEvent?.(event);
    if (batch.done) break;
  }
  return client.jobs.get.query({ id }, { signal: opts.signal });
}
