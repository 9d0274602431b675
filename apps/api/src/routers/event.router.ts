import { tracked } from "@trpc/server";
import { ZEventStreamInput } from "@atrium/core";
import { prepareUserStream, runUserStream } from "../realtime/user-event-stream.js";
import { protectedProcedure, router } from "../trpc/init.js";

export const eventRouter = router({
  /**
   * The caller's live events over SSE (httpSubscriptionLink). Each is tracked by
   * its id, so a reconnecting client resumes after the last one it got. REST
   * clients use GET /api/events/ (http/routes/event-stream.ts), the same stream.
   */
  stream: protectedProcedure.input(ZEventStreamInput).subscription(async function* ({ ctx, input, signal }) {
    const prepared = await prepareUserStream(ctx);
    signal?.addEventListener("abort", prepared.release, { once: true });
    for await (const envelope of runUserStream(ctx, prepared, input.lastEventId, signal)) yield tracked(envelope.id, envelope);
  }),
});
