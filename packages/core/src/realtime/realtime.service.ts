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
