import type { JobEventInput } from "./job-events.repository.js";

/**
 * A run's timeline events not yet written. Each keeps the time it happened;
 * the run writes them together with its next database statement (a step
 * boundary, a state change, the finish), so a step costs one round trip
 * instead of two and the finish writes its last events with the status.
 * A crash loses only events of work that is redone when the job is resumed.
 */
export class JobEventBuffer {
  private pending: JobEventInput[] = [];

  constructor(private readonly now: () => Date) {}

  add(e: JobEventInput): void {
    this.pending.push({ ...e, occurredAt: e.occurredAt ?? this.now() });
  }

  get size(): number {
    return this.pending.length;
  }

  /**
   * Hands the buffer (plus `last`, stamped now) to `write`; the buffer is emptied
   * only once the write succeeded, so a failed write can be repeated.
   */
  async flush<T>(write: (events: JobEventInput[]) => Promise<T>, ...last: JobEventInput[]): Promise<T> {
    const batch = [...this.pending, ...last.map((e) => ({ ...e, occurredAt: e.occurredAt ?? this.now() }))];
    const out = await write(batch);
    this.pending = this.pending.slice(batch.length - last.length);
    return out;
  }
}
