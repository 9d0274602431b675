import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import type { RealtimeTopic, TRealtimeEvent } from "./realtime.schema.js";

/**
 * Sends an event to every stream listening on any of `topics`, on every api
 * process. One publish gets one id, so a stream listening on several of the
 * topics receives it once. Call it after the change has committed: a stream
 * must never show what a rollback undid.
 */
export interface RealtimePublisher {
  publish(topics: readonly RealtimeTopic[], event: TRealtimeEvent): Promise<void>;
}

/**
 * Publishes through the context's publisher when it has one (api and worker do;
 * scripts and some tests don't). A failed publish is logged, never thrown: the
 * change itself has committed, and a client that missed the event refetches on
 * reconnect.
 */
export async function publishEvent(
  ctx: Pick<ServiceContext, "realtime" | "logger">,
  topics: readonly RealtimeTopic[],
  event: TRealtimeEvent,
): Promise<void> {
  if (!ctx.realtime || topics.length === 0) return;
  await ctx.realtime.publish(topics, event).catch((err: unknown) => ctx.logger.warn({ err, type: event.type }, "realtime event not published"));
}

/**
 * The publisher `inTransaction` hands to the code inside it: events are held
 * until the transaction (or savepoint) has ended well, then passed to the
 * outer publisher (the real one, or the enclosing transaction's holder, so
 * nothing leaves before the outermost commit). A rollback drops them.
 */
export class DeferredPublisher implements RealtimePublisher {
  private held: Array<[readonly RealtimeTopic[], TRealtimeEvent]> = [];

  constructor(private readonly outer: RealtimePublisher) {}

  publish(topics: readonly RealtimeTopic[], event: TRealtimeEvent): Promise<void> {
    this.held.push([topics, event]);
    return Promise.resolve();
  }

  /** After the commit: hands everything on in order; sent together (one connection pipelines them), so the ids keep that order. */
  async release(logger: ServiceContext["logger"]): Promise<void> {
    const held = this.held;
    this.held = [];
    await Promise.all(held.map(([topics, event]) => publishEvent({ realtime: this.outer, logger }, topics, event)));
  }
}

/**
 * For services handed a `db` that may be their caller's transaction: publishes
 * now when `db` is not a transaction; holds the event for the commit when the
 * transaction is `inTransaction`'s (its context carries a DeferredPublisher);
 * and otherwise publishes nothing, because only the caller that owns that
 * transaction knows when it commits (it publishes then).
 */
export async function publishAfterCommit(
  ctx: Pick<ServiceContext, "realtime" | "logger"> | undefined,
  db: DbOrTx,
  topics: readonly RealtimeTopic[],
  event: TRealtimeEvent,
): Promise<void> {
  if (!ctx) return;
  if (db instanceof PgTransaction && !(ctx.realtime instanceof DeferredPublisher)) return;
  await publishEvent(ctx, topics, event);
}
