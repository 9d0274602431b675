import { QUEUES } from "@atrium/core/queues";
import { sendEmailProcessor } from "../processors/email/send.processor.js";
import { messageDigestProcessor } from "../processors/notifications/message-digest.processor.js";
import type { QueueConfig } from "./queue-config.js";

/** Outgoing messages; slow remote calls, so they don't share a queue with maintenance. */
export const notificationsQueue: QueueConfig = {
  name: QUEUES.notifications,
  concurrency: (config) => config.WORKER_CONCURRENCY,
  processors: [sendEmailProcessor, messageDigestProcessor],
  schedules: () => [],
};
