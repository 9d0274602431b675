import { z } from "zod";

/** An event id as streams hand them out: the publisher's global sequence number. */
export const ZRealtimeEventId = z
  .string()
  .regex(/^\d{1,15}$/, "lastEventId must be the id of an event this stream sent (digits)")
  .meta({ description: "The id of the last event received; the stream resumes after it" });

/** `events.stream`: the id to resume after (tRPC's httpSubscriptionLink sends it by itself when it reconnects). */
export const ZEventStreamInput = z.strictObject({ lastEventId: ZRealtimeEventId.nullish() });
export type TEventStreamInput = z.infer<typeof ZEventStreamInput>;

/** Streams one user may hold open at once, over all their tabs, devices and api processes' share of them. */
export const MAX_STREAMS_PER_USER = 10;
