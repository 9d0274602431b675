import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, softDelete, timestamps } from "./_columns.js";
import { tenantId } from "./accounts.js";
import { users } from "./users.js";

export const conversationSubjectType = pgEnum("conversation_subject_type", ["document", "job", "application"]);

/**
 * A 1:1 conversation between two members of one account, optionally about one
 * of its documents or jobs. `pairKey` (both user ids sorted, plus the subject)
 * makes "the conversation of these two about this" one row, even when both
 * send their first message at the same moment.
 */
export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    accountId: tenantId(),
    pairKey: text().notNull(),
    subjectType: conversationSubjectType(),
    subjectId: uuid(),
    ...timestamps,
  },
  (t) => [uniqueIndex("conversations_account_pair_key").on(t.accountId, t.pairKey)],
);

/**
 * One row per participant: their read marker and the conversation's latest
 * activity, copied here so "my conversations, newest first" is one index scan.
 */
export const conversationParticipants = pgTable(
  "conversation_participants",
  {
    id: id(),
    accountId: tenantId(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The newest message of the conversation when this participant last marked it read. */
    lastReadMessageId: uuid(),
    /** That message's created_at: messages after it (from the other side) are unread. */
    lastReadAt: timestamp({ withTimezone: true }),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("conversation_participants_conversation_user_key").on(t.conversationId, t.userId),
    index("conversation_participants_user_activity_idx").on(t.userId, t.lastActivityAt, t.conversationId),
  ],
);

/** Plain text; a deleted message keeps its row (and place in the thread) without its content. */
export const messages = pgTable(
  "messages",
  {
    id: id(),
    accountId: tenantId(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    senderId: uuid().references(() => users.id, { onDelete: "set null" }),
    content: text().notNull(),
    ...timestamps,
    ...softDelete,
  },
  (t) => [
    // Thread pages (both ways) and unread counts: messages of one conversation after a time.
    index("messages_conversation_created_idx").on(t.conversationId, t.createdAt, t.id),
  ],
);
