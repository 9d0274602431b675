export * from "./notification.schema.js";
export * as notificationService from "./notification.service.js";
export * as messageDigestService from "./message-digest.service.js";
export { unsubscribe, unsubscribeToken, unsubscribeUrl } from "./unsubscribe.service.js";
export { NOTIFICATION_JOBS, ZMessageDigestPayload, type TMessageDigestPayload } from "./notifications.jobs.js";
export type { NotifyInput, NotifyResult, NotificationEmail } from "./notification.service.js";
export type { DigestConversation, ListUnreadForDigest } from "./message-digest.service.js";
