import { aiAnalysisQueue } from "./ai-analysis.queue.js";
import { documentProcessingQueue } from "./document-processing.queue.js";
import { maintenanceQueue } from "./maintenance.queue.js";
import { notificationsQueue } from "./notifications.queue.js";
import type { QueueConfig } from "./queue-config.js";

/** Every queue this worker consumes. */
export const ALL_QUEUES: readonly QueueConfig[] = [maintenanceQueue, notificationsQueue, documentProcessingQueue, aiAnalysisQueue];
