import type { DbOrTx } from "@atrium/db";
import { recordAudit } from "../audit/audit.service.js";
import { by } from "../accounts/owner-guard.service.js";
import type { TenantActor } from "../accounts/actor.service.js";
import { can, type PolicyActor } from "../accounts/policy.service.js";
import { scopeOf } from "../accounts/scope.repository.js";
import { publishEvent } from "../realtime/realtime.service.js";
import { userTopic } from "../realtime/realtime.schema.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { iso, isoOrNull } from "../shared/dates.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { inTransaction } from "../shared/tx.js";
import * as repo from "./message.repository.js";
import { scheduleMessageDigest } from "../notifications/message-digest.service.js";
import {
  SNIPPET_CHARS,
  type TConversation,
  type TConversationIdInput,
  type TConversationMessagesInput,
  type TConversationPage,
  type TConversationThread,
  type TListConversationsInput,
  type TMessage,
  type TMessageContacts,
  type TMessageContactsInput,
  type TMessageIdInput,
  type TReadResult,
  type TSearchMessagesInput,
  type TSendMessageInput,
  type TSendMessageResult,
  type TUnreadCount,
  type UnreadDigestItem,
} from "./message.schema.js";

const toMessageDto = (m: repo.MessageRow): TMessage => ({
  id: m.id,
  conversationId: m.conversationId,
  senderId: m.senderId,
  // A deleted message keeps its place in the thread, not its words.
  content: m.deletedAt ? "" : m.content,
  deleted: m.deletedAt !== null,
  createdAt: iso(m.createdAt),
});

const toConversationDto = (r: repo.ConversationListRow, last: repo.MessageRow | undefined): TConversation => ({
  id: r.conversation.id,
  accountId: r.conversation.accountId,
  subject: r.conversation.subjectType && r.conversation.subjectId ? { type: r.conversation.subjectType, id: r.conversation.subjectId } : null,
  otherUser: r.otherUser,
  lastMessage: last ? toMessageDto(last) : null,
  unreadCount: r.unreadCount,
  otherLastReadAt: isoOrNull(r.otherLastReadAt),
  lastActivityAt: iso(r.me.lastActivityAt),
});

const USER_NOT_FOUND = () => new ServiceError("NOT_FOUND", "User not found", { receiverId: ["No such user among the people you share an account with"] });

/** Accounts where the actor may read recruiting data: where they see the employer's side of applications' conversations. */
const recruitingAccountIds = (actor: PolicyActor) => Object.keys(actor.accountRoles).filter((accountId) => can(actor, "recruiting.read", { accountId }));

/**
 * Who may take part, decided on every call: a 1:1 conversation's participants while they
 * belong to its account; an application's, its candidate, and on the employer's side only
 * users the policy gives `recruiting.read` in that account now (a demoted recruiter's row stays
 * behind but opens nothing).
 */
function mayTakePart(actor: PolicyActor, found: NonNullable<Awaited<ReturnType<typeof repo.findParticipation>>>): boolean {
  const { conversation } = found;
  if (conversation.subjectType !== "application") return conversation.accountId in actor.accountRoles;
  return found.candidateUserId === actor.userId || can(actor, "recruiting.read", { accountId: conversation.accountId });
}

/**
 * The caller's conversation, or NOT_FOUND exactly like an unknown id: they must
 * be a participant and still entitled to it (mayTakePart).
 */
async function loadParticipation(ctx: ServiceContext, actor: TenantActor, conversationId: string) {
  const found = await repo.findParticipation(ctx.db, conversationId, actor.userId);
  if (!found || !mayTakePart(actor, found)) throw notFound("Conversation");
  return found;
}

/** The conversation's participants' user topics: both sides of a 1:1, everyone in an application's. */
const audienceOf = (actor: TenantActor, found: { otherUserIds: string[] }) => [actor.userId, ...found.otherUserIds].map(userTopic);

async function conversationFor(ctx: ServiceContext, actor: TenantActor, conversationId: string): Promise<TConversation> {
  const [row] = await repo.findConversations(ctx.db, {
    userId: actor.userId,
    scope: scopeOf({ ...actor, isStaff: false }),
    recruitingAccountIds: recruitingAccountIds(actor),
    limit: 1,
    conversationId,
  });
  if (!row) throw notFound("Conversation");
  const last = await repo.findLastMessages(ctx.db, [conversationId]);
  return toConversationDto(row, last.get(conversationId));
}

/** The message, everyone's activity and the sender's read marker, in the caller's transaction. */
async function writeMessage(tx: DbOrTx, conversation: { id: string; accountId: string }, senderId: string, content: string) {
  const row = await repo.insertMessage(tx, { accountId: conversation.accountId, conversationId: conversation.id, senderId, content });
  await repo.recordSent(tx, row);
  return row;
}

/** After the commit: the live event to every participant and each recipient's unread-messages digest. */
async function announce(ctx: ServiceContext, actor: TenantActor, otherUserIds: string[], message: repo.MessageRow) {
  await publishEvent(ctx, audienceOf(actor, { otherUserIds }), { type: "message.created", conversationId: message.conversationId, messageId: message.id, senderId: actor.userId });
  for (const recipientId of otherUserIds) await scheduleMessageDigest(ctx, { recipientId });
}

/** Posts into a conversation the caller takes part in (loaded by loadParticipation). */
async function postInto(ctx: ServiceContext, actor: TenantActor, found: { conversation: { id: string; accountId: string }; otherUserIds: string[] }, content: string) {
  const message = await inTransaction(ctx, (tx) => writeMessage(tx, found.conversation, actor.userId, content));
  await announce(ctx, actor, found.otherUserIds, message);
  return message;
}

/** One conversation as the caller's list shows it; NOT_FOUND unless they may take part in it. */
export async function getConversationSummary(ctx: ServiceContext, actor: TenantActor, conversationId: string): Promise<TConversation> {
  await loadParticipation(ctx, actor, conversationId);
  return conversationFor(ctx, actor, conversationId);
}

/**
 * Posts into a conversation with several participants (an application's) as the caller;
 * NOT_FOUND unless they may take part in it. The recruiting domain keeps its participants.
 */
export async function sendToConversation(ctx: ServiceContext, actor: TenantActor, input: { conversationId: string; content: string }): Promise<TSendMessageResult> {
  const found = await loadParticipation(ctx, actor, input.conversationId);
  const message = await postInto(ctx, actor, found, input.content);
  return { conversation: await conversationFor(ctx, actor, found.conversation.id), message: toMessageDto(message) };
}

/** Where a new conversation lives: the account named, else the caller's home, else the first account both share. */
async function pickAccount(ctx: ServiceContext, actor: TenantActor, receiverId: string, requested: string | undefined): Promise<string> {
  const shared = (await repo.findSharedAccountIds(ctx.db, actor.userId, receiverId)).filter((a) => a in actor.accountRoles);
  if (requested) {
    if (!(requested in actor.accountRoles)) throw new ServiceError("NOT_FOUND", "Account not found", { accountId: ["Account not found"] });
    if (!shared.includes(requested)) throw USER_NOT_FOUND();
    return requested;
  }
  const accountId = shared.find((a) => a === actor.homeAccountId) ?? shared[0];
  if (!accountId) throw USER_NOT_FOUND();
  return accountId;
}

/**
 * Sends a message to a member of an account the sender shares: into the given
 * conversation, or the pair's conversation (about the subject, if any), created
 * on first use. Anyone outside the sender's accounts is NOT_FOUND like a stranger.
 */
export async function sendMessage(ctx: ServiceContext, actor: TenantActor, input: TSendMessageInput): Promise<TSendMessageResult> {
  if (input.receiverId === actor.userId) throw new ServiceError("BAD_REQUEST", "You can't message yourself", { receiverId: ["You can't message yourself"] });
  if (input.conversationId) {
    if (input.subject || input.accountId) {
      const message = "A conversation already has its account and subject; leave these out";
      throw new ServiceError("BAD_REQUEST", message, { subject: input.subject ? [message] : [], accountId: input.accountId ? [message] : [] });
    }
    const found = await loadParticipation(ctx, actor, input.conversationId);
    if (!found.otherUserIds.includes(input.receiverId)) throw new ServiceError("BAD_REQUEST", "The receiver is not in this conversation", { receiverId: ["Not a participant of this conversation"] });
    // The other side of a 1:1 may have left the account since: then they can't be written to (an application's audience is the recruiting domain's).
    if (found.conversation.subjectType !== "application" && !(await repo.findSharedAccountIds(ctx.db, actor.userId, input.receiverId)).includes(found.conversation.accountId)) {
      throw USER_NOT_FOUND();
    }
    const message = await postInto(ctx, actor, found, input.content);
    return { conversation: await conversationFor(ctx, actor, found.conversation.id), message: toMessageDto(message) };
  }
  const accountId = await pickAccount(ctx, actor, input.receiverId, input.accountId);
  if (input.subject && !(await repo.subjectExists(ctx.db, accountId, input.subject))) {
    throw new ServiceError("NOT_FOUND", `That ${input.subject.type} was not found`, { subject: [`No such ${input.subject.type} in this account`] });
  }
  const pair = [actor.userId, input.receiverId].sort() as [string, string];
  const subject = input.subject ?? null;
  const message = await inTransaction(ctx, async (tx) => {
    const conversation = await repo.findOrCreateConversation(
      tx,
      { accountId, pairKey: [...pair, subject?.type ?? "", subject?.id ?? ""].join(":"), subjectType: subject?.type ?? null, subjectId: subject?.id ?? null },
      pair,
    );
    return writeMessage(tx, conversation, actor.userId, input.content);
  });
  await announce(ctx, actor, [input.receiverId], message);
  return { conversation: await conversationFor(ctx, actor, message.conversationId), message: toMessageDto(message) };
}

/** The caller's conversations, newest activity first, each with its last message and unread count. */
export async function listConversations(ctx: ServiceContext, actor: TenantActor, input: TListConversationsInput): Promise<TConversationPage> {
  // Staff see only their own conversations, like anyone: messages are private to their participants.
  const rows = await repo.findConversations(ctx.db, {
    userId: actor.userId,
    scope: scopeOf({ ...actor, isStaff: false }),
    recruitingAccountIds: recruitingAccountIds(actor),
    limit: input.limit,
    cursor: input.cursor,
  });
  const page = rows.slice(0, input.limit);
  const last = await repo.findLastMessages(
    ctx.db,
    page.map((r) => r.conversation.id),
  );
  const lastRow = page.at(-1);
  return { items: page.map((r) => toConversationDto(r, last.get(r.conversation.id))), nextCursor: rows.length > input.limit && lastRow ? lastRow.conversation.id : null };
}

/** A page of one conversation's messages, in reading order (oldest first), for its participants only. */
export async function getConversation(ctx: ServiceContext, actor: TenantActor, input: TConversationMessagesInput): Promise<TConversationThread> {
  await loadParticipation(ctx, actor, input.id);
  const rows = await repo.findMessagePage(ctx.db, { conversationId: input.id, limit: input.limit, before: input.cursor, after: input.after });
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  const chronological = input.after ? page : page.reverse();
  // nextCursor continues the direction asked for: older (as `cursor`) by default, newer (as `after`) when paging forward.
  const edge = input.after ? chronological.at(-1) : chronological[0];
  return { conversation: await conversationFor(ctx, actor, input.id), items: chronological.map(toMessageDto), nextCursor: more && edge ? edge.id : null };
}

/** Messages of one conversation containing the words, newest first. */
export async function searchConversation(ctx: ServiceContext, actor: TenantActor, input: TSearchMessagesInput): Promise<{ items: TMessage[] }> {
  await loadParticipation(ctx, actor, input.id);
  const rows = await repo.searchMessages(ctx.db, { conversationId: input.id, q: input.q, limit: input.limit });
  return { items: rows.map(toMessageDto) };
}

/** Marks the conversation read up to its newest message; the other side's "Seen" follows live. */
export async function markConversationRead(ctx: ServiceContext, actor: TenantActor, input: TConversationIdInput): Promise<TReadResult> {
  const found = await loadParticipation(ctx, actor, input.id);
  const before = found.me.lastReadMessageId;
  const row = await repo.markRead(ctx.db, input.id, actor.userId);
  if (!row) throw notFound("Conversation");
  if (row.lastReadAt && row.lastReadMessageId !== before) {
    await publishEvent(ctx, audienceOf(actor, found), { type: "message.read", conversationId: input.id, userId: actor.userId, readAt: iso(row.lastReadAt) });
  }
  return { conversationId: input.id, readAt: isoOrNull(row.lastReadAt), unreadCount: 0 };
}

/** How many messages wait for the caller across their conversations. */
export async function unreadCount(ctx: ServiceContext, actor: TenantActor): Promise<TUnreadCount> {
  return { unreadCount: await repo.countUnread(ctx.db, actor.userId, scopeOf({ ...actor, isStaff: false }), recruitingAccountIds(actor)) };
}

/** Deletes (softly, audited) a message the caller sent; anyone else's is NOT_FOUND. */
export async function deleteMessage(ctx: ServiceContext, actor: TenantActor, input: TMessageIdInput, meta?: RequestMeta): Promise<TMessage> {
  const existing = await repo.findMessage(ctx.db, input.id);
  if (!existing || existing.senderId !== actor.userId || !(existing.accountId in actor.accountRoles)) throw notFound("Message");
  const found = await loadParticipation(ctx, actor, existing.conversationId);
  const row = await inTransaction(ctx, async (tx) => {
    const deleted = await repo.softDeleteMessage(tx, input.id, actor.userId, ctx.now());
    if (!deleted) throw notFound("Message");
    await recordAudit(tx, {
      eventType: "message.deleted",
      actor: by(actor),
      target: { type: "message", id: deleted.id },
      accountId: deleted.accountId,
      meta,
      details: { conversationId: deleted.conversationId },
    });
    return deleted;
  });
  await publishEvent(ctx, audienceOf(actor, found), { type: "message.deleted", conversationId: row.conversationId, messageId: row.id });
  return toMessageDto(row);
}

/** Members of the caller's accounts they can write to (the "new message" picker). */
export async function listContacts(ctx: ServiceContext, actor: TenantActor, input: TMessageContactsInput): Promise<TMessageContacts> {
  const items = await repo.findContacts(ctx.db, { userId: actor.userId, accountIds: Object.keys(actor.accountRoles), q: input.q || undefined, limit: input.limit });
  return { items };
}

/**
 * For the unread-messages digest (notifications domain, worker): the user's
 * conversations holding messages they haven't read that were sent before
 * `sentBefore`, newest first. No actor: the worker asks on the user's behalf,
 * and only accounts the user still belongs to count.
 */
export async function listUnreadForDigest(ctx: Pick<ServiceContext, "db">, input: { userId: string; sentBefore: Date }): Promise<UnreadDigestItem[]> {
  const rows = (await repo.findUnreadForDigest(ctx.db, input.userId, input.sentBefore)).filter(
    (r) =>
      r.subjectType !== "application" ||
      r.accountId !== r.conversationAccountId ||
      can({ userId: input.userId, isStaff: false, accountRoles: { [r.accountId]: r.role }, orgRoles: {}, recruitingRoles: r.recruitingRole ? { [r.accountId]: r.recruitingRole } : {} }, "recruiting.read", { accountId: r.accountId }),
  );
  return rows.map((r) => ({
    conversationId: r.conversationId,
    accountId: r.accountId,
    otherUserId: r.otherUserId,
    otherName: r.otherName,
    unreadCount: r.unreadCount,
    newestSnippet: r.newestContent.length > SNIPPET_CHARS ? `${r.newestContent.slice(0, SNIPPET_CHARS - 1)}…` : r.newestContent,
    newestAt: r.newestAt,
  }));
}
