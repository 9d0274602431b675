import { z } from "zod";
import { ZCursor, ZDirection, ZLimit } from "../shared/pagination.schema.js";

/** The longest message, in characters after trimming (the README's messaging section says so too). */
export const MESSAGE_MAX_CHARS = 4000;
/** How much of a message the conversation list and the digest email show. */
export const SNIPPET_CHARS = 140;

const conversationId = z.uuid({ error: "Not a valid conversation id" });
const messageId = z.uuid({ error: "Not a valid message id" });

export const ZMessageContent = z
  .string({ error: "Write a message" })
  .trim()
  .min(1, "Write a message")
  .max(MESSAGE_MAX_CHARS, `At most ${MESSAGE_MAX_CHARS.toLocaleString("en-US")} characters`);

export const CONVERSATION_SUBJECT_TYPES = ["document", "job"] as const;
/** An application's conversation is opened by the recruiting domain, never by `messages.send`. */
export const CONVERSATION_SUBJECT_KINDS = [...CONVERSATION_SUBJECT_TYPES, "application"] as const;
export const ZConversationSubject = z
  .strictObject({
    type: z.enum(CONVERSATION_SUBJECT_TYPES, { error: "Subject type must be document or job" }),
    id: z.uuid({ error: "Not a valid subject id" }),
  })
  .describe("What the conversation is about: one of the account's documents or jobs");
export type TConversationSubject = z.infer<typeof ZConversationSubject>;

export const ZMessageUser = z.object({ id: z.uuid(), username: z.string(), displayName: z.string().nullable() }).meta({ id: "MessageUser" });
export type TMessageUser = z.infer<typeof ZMessageUser>;

export const ZMessage = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    senderId: z.uuid().nullable(),
    /** Empty once deleted. */
    content: z.string(),
    deleted: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "Message" });
export type TMessage = z.infer<typeof ZMessage>;

export const ZConversation = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    subject: z.object({ type: z.enum(CONVERSATION_SUBJECT_KINDS), id: z.uuid() }).nullable(),
    /** The other participant. */
    otherUser: ZMessageUser,
    lastMessage: ZMessage.nullable(),
    unreadCount: z.number().int(),
    /** When the other participant last read the conversation (for "Seen" on your messages). */
    otherLastReadAt: z.string().nullable(),
    lastActivityAt: z.string(),
  })
  .meta({ id: "Conversation" });
export type TConversation = z.infer<typeof ZConversation>;

export const ZConversationPage = z.object({ items: z.array(ZConversation), nextCursor: z.string().nullable() }).meta({ id: "ConversationPage" });
export type TConversationPage = z.infer<typeof ZConversationPage>;

export const ZListConversationsInput = z.strictObject({ limit: ZLimit, cursor: ZCursor, direction: ZDirection });
export type TListConversationsInput = z.infer<typeof ZListConversationsInput>;

export const ZSendMessageInput = z.strictObject({
  receiverId: z.uuid({ error: "Not a valid user id" }),
  content: ZMessageContent,
  conversationId: conversationId.optional().describe("Post into this conversation (you and the receiver must be its participants)"),
  subject: ZConversationSubject.optional(),
  accountId: z.uuid({ error: "Not a valid account id" }).optional().describe("The shared account to talk in; defaults to your home account when the receiver is in it"),
});
export type TSendMessageInput = z.infer<typeof ZSendMessageInput>;

export const ZSendMessageResult = z.object({ conversation: ZConversation, message: ZMessage }).meta({ id: "SentMessage" });
export type TSendMessageResult = z.infer<typeof ZSendMessageResult>;

/**
 * A thread page, always in reading order: the newest messages by default,
 * older ones with `cursor` (the previous page's nextCursor), or those newer
 * than a message you have with `after`.
 */
export const ZConversationMessagesInput = z
  .strictObject({
    id: conversationId,
    limit: ZLimit,
    cursor: z.uuid({ error: "This cursor is not valid; use nextCursor from the previous page" }).optional().describe("Older than this message: the previous page's nextCursor"),
    after: messageId.optional().describe("Newer than this message, oldest first"),
    // TanStack's infinite-query hint; `after` is how this thread pages the other way.
    direction: ZDirection,
  })
  .refine((v) => !(v.cursor && v.after), { message: "Page either back (cursor) or forward (after), not both", path: ["after"] });
export type TConversationMessagesInput = z.infer<typeof ZConversationMessagesInput>;

export const ZConversationThread = z
  .object({
    conversation: ZConversation,
    items: z.array(ZMessage),
    /** More messages that way: older ones (pass as `cursor`), or newer ones when you paged with `after` (pass as `after`). */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "ConversationThread" });
export type TConversationThread = z.infer<typeof ZConversationThread>;

export const ZSearchMessagesInput = z.strictObject({
  id: conversationId,
  q: z.string({ error: "Say what to search for" }).trim().min(1, "Say what to search for").max(200, "At most 200 characters"),
  limit: ZLimit,
});
export type TSearchMessagesInput = z.infer<typeof ZSearchMessagesInput>;

export const ZMessageList = z.object({ items: z.array(ZMessage) }).meta({ id: "MessageList" });

export const ZConversationIdInput = z.strictObject({ id: conversationId });
export type TConversationIdInput = z.infer<typeof ZConversationIdInput>;

export const ZMessageIdInput = z.strictObject({ id: messageId });
export type TMessageIdInput = z.infer<typeof ZMessageIdInput>;

export const ZReadResult = z.object({ conversationId: z.uuid(), readAt: z.string().nullable(), unreadCount: z.number().int() }).meta({ id: "ConversationRead" });
export type TReadResult = z.infer<typeof ZReadResult>;

export const ZUnreadCount = z.object({ unreadCount: z.number().int() }).meta({ id: "UnreadCount" });
export type TUnreadCount = z.infer<typeof ZUnreadCount>;

/** People the caller can message: members of the accounts they share. */
export const ZMessageContactsInput = z.strictObject({
  q: z.string().trim().max(100, "At most 100 characters").optional(),
  limit: ZLimit,
});
export type TMessageContactsInput = z.infer<typeof ZMessageContactsInput>;
export const ZMessageContacts = z.object({ items: z.array(ZMessageUser.extend({ accountId: z.uuid() })) }).meta({ id: "MessageContacts" });
export type TMessageContacts = z.infer<typeof ZMessageContacts>;

/** One conversation in the unread-messages digest (the notifications domain mails these). */
export interface UnreadDigestItem {
  conversationId: string;
  accountId: string;
  otherUserId: string | null;
  otherName: string;
  unreadCount: number;
  newestSnippet: string;
  newestAt: Date;
}
