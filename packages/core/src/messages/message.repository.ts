import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { schema, type DbOrTx } from "@atrium/db";
import { inScope, type TenantScope } from "../accounts/scope.repository.js";

const { conversations, conversationParticipants: parts, messages, users, accountMembers, accounts, documents, jobs, applications } = schema;
export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type ParticipantRow = typeof parts.$inferSelect;

const other = alias(parts, "other");
const otherUser = alias(users, "other_user");

/**
 * The one participant shown as "the other side" of `parts`' conversation: in a 1:1 the
 * other user; in an application's conversation (N participants) the candidate for the
 * employer's side (their row lives in their own account, so it sorts first), and the
 * recruiter who read it last for the candidate.
 */
const otherPick = () => {
  return sql`(select o.user_id from conversation_participants o where o.conversation_id = ${parts.conversationId} and o.user_id <> ${parts.userId}
    order by (o.account_id <> ${parts.accountId}) desc, o.last_read_at desc nulls last, o.created_at, o.user_id limit 1)`;
};

/**
 * Participations the user may still see. Members' rows of a 1:1 conversation are
 * scoped by account like any tenant row; an application's conversation is seen by its
 * candidate (their row lives in their own account) and, on the employer's side, only
 * in the accounts where the policy gives the user `recruiting.read` now, so a
 * recruiter demoted since their row was written sees nothing of it.
 */
export function visibleParticipation(scope: TenantScope, recruitingAccountIds: string[]): SQL {
  const candidate = sql`exists (select 1 from ${applications} a where a.id = ${conversations.subjectId} and a.candidate_user_id = ${parts.userId})`;
  const application = or(recruitingAccountIds.length ? inArray(parts.accountId, recruitingAccountIds) : undefined, candidate) ?? sql`false`;
  return and(inScope(parts.accountId, scope), or(sql`${conversations.subjectType} is distinct from 'application'`, application)) ?? sql`false`;
}

/** Messages of `p`'s conversation that `p`'s user has not read: from the other side, live, after the marker. */
const unreadFor = (extra?: SQL) =>
  sql<number>`(select count(*)::int from ${messages} m where m.conversation_id = ${parts.conversationId}
    and m.deleted_at is null and m.sender_id is distinct from ${parts.userId}
    and (${parts.lastReadAt} is null or m.created_at > ${parts.lastReadAt}) ${extra ?? sql``})`;

/** Accounts (live) both users belong to, oldest membership first so the choice is stable. */
export async function findSharedAccountIds(db: DbOrTx, a: string, b: string): Promise<string[]> {
  const mb = alias(accountMembers, "mb");
  const rows = await db
    .select({ accountId: accountMembers.accountId })
    .from(accountMembers)
    .innerJoin(mb, and(eq(mb.accountId, accountMembers.accountId), eq(mb.userId, b)))
    .innerJoin(accounts, and(eq(accounts.id, accountMembers.accountId), isNull(accounts.deletedAt)))
    .innerJoin(users, and(eq(users.id, b), eq(users.isActive, true), isNull(users.deletedAt)))
    .where(eq(accountMembers.userId, a))
    .orderBy(asc(accountMembers.createdAt));
  return rows.map((r) => r.accountId);
}

export async function subjectExists(db: DbOrTx, accountId: string, subject: { type: "document" | "job"; id: string }): Promise<boolean> {
  const rows =
    subject.type === "document"
      ? await db.select({ id: documents.id }).from(documents).where(and(eq(documents.id, subject.id), eq(documents.accountId, accountId), isNull(documents.deletedAt))).limit(1)
      : await db.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.id, subject.id), eq(jobs.accountId, accountId))).limit(1);
  return rows.length > 0;
}

/** The conversation of this pair about this subject: created once, even when both sides race to start it. */
export async function findOrCreateConversation(db: DbOrTx, values: typeof conversations.$inferInsert, userIds: [string, string]): Promise<ConversationRow> {
  const [created] = await db.insert(conversations).values(values).onConflictDoNothing().returning();
  const row =
    created ?? (await db.select().from(conversations).where(and(eq(conversations.accountId, values.accountId), eq(conversations.pairKey, values.pairKey))).limit(1))[0];
  if (!row) throw new Error("conversation neither inserted nor found");
  await db
    .insert(parts)
    .values(userIds.map((userId) => ({ accountId: row.accountId, conversationId: row.id, userId })))
    .onConflictDoNothing();
  return row;
}

/**
 * The caller's participation with its conversation, or nothing when they are not in it:
 * the other participants' ids (one in a 1:1, the rest of an application's audience) and,
 * for an application's conversation, its candidate.
 */
export async function findParticipation(db: DbOrTx, conversationId: string, userId: string) {
  const [row] = await db
    .select({
      conversation: conversations,
      me: parts,
      otherUserIds: sql<string[]>`coalesce((select array_agg(o.user_id order by o.created_at) from conversation_participants o where o.conversation_id = ${parts.conversationId} and o.user_id <> ${parts.userId}), '{}')`,
      candidateUserId: sql<string | null>`(select a.candidate_user_id from ${applications} a where ${conversations.subjectType} = 'application' and a.id = ${conversations.subjectId})`,
    })
    .from(parts)
    .innerJoin(conversations, eq(conversations.id, parts.conversationId))
    .where(and(eq(parts.conversationId, conversationId), eq(parts.userId, userId)))
    .limit(1);
  return row;
}

export async function insertMessage(db: DbOrTx, values: typeof messages.$inferInsert): Promise<MessageRow> {
  const [row] = await db.insert(messages).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** After a send: both sides' activity moves to the message, and the sender has read up to it. */
export async function recordSent(db: DbOrTx, message: MessageRow): Promise<void> {
  const at = sql`(select created_at from ${messages} where id = ${message.id})`;
  await db.update(parts).set({ lastActivityAt: at }).where(eq(parts.conversationId, message.conversationId));
  if (message.senderId) {
    await db
      .update(parts)
      .set({ lastReadMessageId: message.id, lastReadAt: at })
      .where(and(eq(parts.conversationId, message.conversationId), eq(parts.userId, message.senderId)));
  }
}

/**
 * Moves the reader's marker to the newest message (kept in Postgres so the
 * microseconds a JavaScript Date would drop still order it against messages).
 */
export async function markRead(db: DbOrTx, conversationId: string, userId: string): Promise<ParticipantRow | undefined> {
  const newest = (col: "id" | "created_at") =>
    sql.raw(`(select m.${col} from messages m where m.conversation_id = conversation_participants.conversation_id order by m.created_at desc, m.id desc limit 1)`);
  const [row] = await db
    .update(parts)
    .set({ lastReadMessageId: newest("id"), lastReadAt: newest("created_at") })
    .where(and(eq(parts.conversationId, conversationId), eq(parts.userId, userId)))
    .returning();
  return row;
}

/** A page of the user's conversations (newest activity first), or one of them by id. */
export function findConversations(db: DbOrTx, f: { userId: string; scope: TenantScope; recruitingAccountIds: string[]; limit: number; cursor?: string; conversationId?: string }) {
  const cursor = f.cursor
    ? sql`(${parts.lastActivityAt}, ${parts.conversationId}) < (select c.last_activity_at, c.conversation_id from ${parts} c where c.conversation_id = ${f.cursor} and c.user_id = ${f.userId})`
    : undefined;
  return db
    .select({
      conversation: conversations,
      me: parts,
      otherLastReadAt: other.lastReadAt,
      otherUser: { id: otherUser.id, username: otherUser.username, displayName: otherUser.displayName },
      unreadCount: unreadFor(),
    })
    .from(parts)
    .innerJoin(conversations, eq(conversations.id, parts.conversationId))
    .innerJoin(other, and(eq(other.conversationId, parts.conversationId), eq(other.userId, otherPick())))
    .innerJoin(otherUser, eq(otherUser.id, other.userId))
    .where(
      and(
        eq(parts.userId, f.userId),
        visibleParticipation(f.scope, f.recruitingAccountIds),
        f.conversationId ? eq(parts.conversationId, f.conversationId) : undefined,
        cursor,
      ),
    )
    .orderBy(desc(parts.lastActivityAt), desc(parts.conversationId))
    .limit(f.limit + 1);
}
export type ConversationListRow = Awaited<ReturnType<typeof findConversations>>[number];

/** The newest message of each conversation (one index probe each). */
export async function findLastMessages(db: DbOrTx, conversationIds: string[]): Promise<Map<string, MessageRow>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([messages.conversationId])
    .from(messages)
    .where(inArray(messages.conversationId, conversationIds))
    .orderBy(messages.conversationId, desc(messages.createdAt), desc(messages.id));
  return new Map(rows.map((r) => [r.conversationId, r]));
}

/** Older than `before` (newest first) or newer than `after` (oldest first); limit + 1 rows. */
export function findMessagePage(db: DbOrTx, f: { conversationId: string; limit: number; before?: string; after?: string }) {
  const anchor = (id: string) => sql`(select a.created_at, a.id from ${messages} a where a.id = ${id} and a.conversation_id = ${f.conversationId})`;
  const where = and(
    eq(messages.conversationId, f.conversationId),
    f.before ? sql`(${messages.createdAt}, ${messages.id}) < ${anchor(f.before)}` : undefined,
    f.after ? sql`(${messages.createdAt}, ${messages.id}) > ${anchor(f.after)}` : undefined,
  );
  const order = f.after ? [asc(messages.createdAt), asc(messages.id)] : [desc(messages.createdAt), desc(messages.id)];
  return db.select().from(messages).where(where).orderBy(...order).limit(f.limit + 1);
}

/** Live messages of one conversation containing `q` (case-insensitive, literally: % and _ are not wildcards). */
export function searchMessages(db: DbOrTx, f: { conversationId: string; q: string; limit: number }) {
  const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, f.conversationId), isNull(messages.deletedAt), sql`${messages.content} ilike ${pattern}`))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(f.limit);
}

export async function findMessage(db: DbOrTx, id: string): Promise<MessageRow | undefined> {
  const [row] = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
  return row;
}

/** Soft-deletes a live message of this sender; returns it or nothing. */
export async function softDeleteMessage(db: DbOrTx, id: string, senderId: string, at: Date): Promise<MessageRow | undefined> {
  const [row] = await db
    .update(messages)
    .set({ deletedAt: at })
    .where(and(eq(messages.id, id), eq(messages.senderId, senderId), isNull(messages.deletedAt)))
    .returning();
  return row;
}

/** Unread messages across the user's conversations in the accounts they may see. */
export async function countUnread(db: DbOrTx, userId: string, scope: TenantScope, recruitingAccountIds: string[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${unreadFor()}), 0)::int` })
    .from(parts)
    .innerJoin(conversations, eq(conversations.id, parts.conversationId))
    .where(and(eq(parts.userId, userId), visibleParticipation(scope, recruitingAccountIds)));
  return row?.n ?? 0;
}

/** Per conversation: what the user has not read among messages sent before `sentBefore`, in accounts they still belong to. */
export function findUnreadForDigest(db: DbOrTx, userId: string, sentBefore: Date) {
  const m = alias(messages, "m");
  return db
    .select({
      conversationId: parts.conversationId,
      accountId: parts.accountId,
      otherUserId: otherUser.id,
      otherName: sql<string>`coalesce(${otherUser.displayName}, ${otherUser.username})`,
      // An application's conversation counts on the employer's side only while the policy says so (the service asks it).
      subjectType: conversations.subjectType,
      conversationAccountId: conversations.accountId,
      role: accountMembers.role,
      recruitingRole: accountMembers.recruitingRole,
      unreadCount: sql<number>`count(*)::int`,
      newestContent: sql<string>`(array_agg(${m.content} order by ${m.createdAt} desc, ${m.id} desc))[1]`,
      newestAt: sql<Date>`max(${m.createdAt})`.mapWith(parts.lastActivityAt),
    })
    .from(parts)
    .innerJoin(accountMembers, and(eq(accountMembers.accountId, parts.accountId), eq(accountMembers.userId, parts.userId)))
    .innerJoin(accounts, and(eq(accounts.id, parts.accountId), isNull(accounts.deletedAt)))
    .innerJoin(conversations, eq(conversations.id, parts.conversationId))
    .innerJoin(other, and(eq(other.conversationId, parts.conversationId), eq(other.userId, otherPick())))
    .innerJoin(otherUser, eq(otherUser.id, other.userId))
    .innerJoin(
      m,
      and(
        eq(m.conversationId, parts.conversationId),
        isNull(m.deletedAt),
        sql`${m.senderId} is distinct from ${parts.userId}`,
        sql`(${parts.lastReadAt} is null or ${m.createdAt} > ${parts.lastReadAt})`,
        lt(m.createdAt, sentBefore),
      ),
    )
    .where(eq(parts.userId, userId))
    .groupBy(parts.conversationId, parts.accountId, otherUser.id, otherUser.displayName, otherUser.username, conversations.id, accountMembers.role, accountMembers.recruitingRole)
    .orderBy(sql`max(${m.createdAt}) desc`);
}

/** Active members of the given accounts other than the user, by name; who the user can start a conversation with. */
export function findContacts(db: DbOrTx, f: { userId: string; accountIds: string[]; q?: string; limit: number }) {
  if (f.accountIds.length === 0) return Promise.resolve([]);
  const pattern = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .selectDistinctOn([users.username, users.id, accountMembers.accountId], {
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      accountId: accountMembers.accountId,
    })
    .from(accountMembers)
    .innerJoin(users, and(eq(users.id, accountMembers.userId), eq(users.isActive, true), isNull(users.deletedAt)))
    .where(
      and(
        inArray(accountMembers.accountId, f.accountIds),
        ne(accountMembers.userId, f.userId),
        pattern ? sql`(${users.username} ilike ${pattern} or ${users.displayName} ilike ${pattern})` : undefined,
      ),
    )
    .orderBy(users.username, users.id, accountMembers.accountId)
    .limit(f.limit);
}
