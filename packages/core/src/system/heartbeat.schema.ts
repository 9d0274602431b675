import { z } from "zod";

/** What a live worker process says about itself; read by the staff health view. */
export const ZWorkerHeartbeat = z.object({
  id: z.string(),
  hostname: z.string(),
  pid: z.number().int(),
  startedAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  queues: z.array(z.string()),
});
export type TWorkerHeartbeat = z.infer<typeof ZWorkerHeartbeat>;
