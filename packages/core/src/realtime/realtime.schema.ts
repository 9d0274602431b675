import { z } from "zod";
import { ZJobEvent, ZJobStatus } from "../analysis-jobs/analysis-jobs.schema.js";

/**
 * Who an event is for. Events are scoped like the data they describe: a user's own
 * things (messages, notifications) go to `user:<id>`, an account's shared things
 * (jobs, balance) to `account:<id>`, what only staff see to `staff`. A stream
 * listens to its user's topic, the topics of the accounts the user belongs to and,
 * for staff, `staff`.
 */
export type RealtimeTopic = `user:${string}` | `account:${string}` | "staff";
export const userTopic = (userId: string): RealtimeTopic => `user:${userId}`;
export const accountTopic = (accountId: string): RealtimeTopic => `account:${accountId}`;
export const STAFF_TOPIC: RealtimeTopic = "staff";

const id = z.uuid();
const at = z.iso.datetime({ offset: true });

/**
 * What a stream carries. Payloads are small facts (ids, a status, one timeline
 * event); a client that needs more refetches through the normal, scoped queries.
 */
export const ZRealtimeEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("job.updated"), jobId: id, accountId: id, status: ZJobStatus }),
  z.object({ type: z.literal("job.event"), jobId: id, accountId: id, event: ZJobEvent }),
  z.object({ type: z.literal("balance.changed"), accountId: id }),
  /** A document's text extraction moved on (or it was deleted). */
  z.object({ type: z.literal("document.updated"), documentId: id, accountId: id }),
  /** Staff views (Admin → Jobs, queues): any job of any tenant changed. */
  z.object({ type: z.literal("system.job.changed"), jobId: id, status: ZJobStatus }),
  /** Staff view (outbox): an email was queued, sent or failed. */
  z.object({ type: z.literal("outbox.changed"), emailId: id }),
  /** Staff view (System → backups): a backup started, finished or failed. */
  z.object({ type: z.literal("system.backup.changed"), backupId: z.string().max(200) }),
  z.object({ type: z.literal("message.created"), conversationId: id, messageId: id, senderId: id }),
  z.object({ type: z.literal("message.deleted"), conversationId: id, messageId: id }),
  z.object({ type: z.literal("message.read"), conversationId: id, userId: id, readAt: at }),
  z.object({ type: z.literal("notification.created"), notificationId: id, kind: z.string().max(64) }),
  /** `notificationId` absent: all of the user's notifications were marked read. */
  z.object({ type: z.literal("notification.read"), notificationId: id.optional() }),
  /**
   * Recruiting: an application was created, moved, withdrawn or re-matched. Goes to the
   * candidate's user topic and the employer's account topic; ids and the status only, so a
   * member without a recruiting role learns nothing they could then read.
   */
  z.object({ type: z.literal("application.changed"), applicationId: id, postingId: id, accountId: id, status: z.string().max(32) }),
  /** Recruiting: an interview was scheduled, confirmed, moved, cancelled or got feedback or a transcript. */
  z.object({ type: z.literal("interview.changed"), interviewId: id, applicationId: id, accountId: id, status: z.string().max(32) }),
  /** Recruiting: the user's candidate profile changed (saved, or filled from a parsed résumé by job `parseJobId`). To the user's topic only. */
  z.object({ type: z.literal("candidate_profile.changed"), userId: id, parseJobId: id.optional() }),
  /**
   * Sent by the stream itself when a reconnecting client's last event is older than
   * the kept backlog: events may be missing, refetch everything shown.
   */
  z.object({ type: z.literal("resync") }),
]);
export type TRealtimeEvent = z.infer<typeof ZRealtimeEvent>;
export type TRealtimeEventType = TRealtimeEvent["type"];

/** What a subscriber receives: the event, its stream id (for Last-Event-ID) and when it was published. */
export const ZRealtimeEnvelope = z.object({ id: z.string(), at, event: ZRealtimeEvent }).meta({ id: "RealtimeEnvelope" });
export type TRealtimeEnvelope = z.infer<typeof ZRealtimeEnvelope>;
