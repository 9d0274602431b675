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
  /** Where events come from; polling `job.events` by default. A live stream plugs in here. */
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

/** Resolves with the finished job (success, failed or cancelled), emitting each timeline event on the way. */
export async function waitForJob(client: AtriumClient, id: string, opts: WaitForJobOptions = {}): Promise<Job> {
  const source = opts.source ?? pollingJobEvents(client, opts);
  for await (const batch of source(id, { signal: opts.signal })) {
    for (const event of batch.events) opts.onEvent?.(event);
    if (batch.done) break;
  }
  return client.jobs.get.query({ id }, { signal: opts.signal });
}
