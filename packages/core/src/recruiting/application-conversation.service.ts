import type { TenantActor } from "../accounts/actor.service.js";
import { can } from "../accounts/policy.service.js";
import type { TConversation, TConversationThread, TReadResult, TSendMessageResult } from "../messages/message.schema.js";
import * as messageService from "../messages/message.service.js";
import type { ServiceContext } from "../shared/context.js";
import { notFound } from "../shared/errors.js";
import { inTransaction } from "../shared/tx.js";
import type { TApplicationConversationInput, TApplicationMessagesInput, TApplicationSendInput } from "./application-conversation.schema.js";
import * as repo from "./application-conversation.repository.js";
import { applicationMessage } from "./recruiting-notification.service.js";

/**
 * The conversation of one application: the candidate and the employer's recruiting users
 * (members the policy gives `recruiting.read`: recruiters, hiring managers, admins, owners).
 *
 * Who takes part is decided by the policy on every call (messaging's mayTakePart): a user who
 * lost the role sees nothing of it from that moment, in this thread, the inbox, unread counts
 * and the digest. Participant rows are what the inbox, unread counts and live events run on;
 * they are brought in line with the policy when the conversation is opened by someone without a
 * row yet and before every message, so a new recruiter gets a row (and the next message's
 * event) and a demoted one loses theirs.
 */

/** The application, if the caller is its candidate or recruits for its employer; anyone else gets NOT_FOUND like an unknown id. */
async function loadApplication(ctx: ServiceContext, actor: TenantActor, applicationId: string): Promise<repo.ConversationApplication> {
  const app = await repo.findApplication(ctx.db, applicationId);
  if (!app || !(app.candidateUserId === actor.userId || can(actor, "recruiting.read", { accountId: app.accountId }))) throw notFound("Application");
  return app;
}

/** Who should have a row now: the candidate (in their own account), then every member the policy lets read recruiting. */
async function audienceOf(ctx: ServiceContext, app: repo.ConversationApplication) {
  const members = await repo.findMembers(ctx.db, app.accountId);
  const recruiters = members.filter(
    (m) =>
      m.userId !== app.candidateUserId &&
      can(
        { userId: m.userId, isStaff: false, accountRoles: { [app.accountId]: m.role }, orgRoles: {}, recruitingRoles: m.recruitingRole ? { [app.accountId]: m.recruitingRole } : {} },
        "recruiting.read",
        { accountId: app.accountId },
      ),
  );
  return [{ userId: app.candidateUserId, accountId: app.candidateAccountId }, ...recruiters.map((m) => ({ userId: m.userId, accountId: app.accountId }))];
}

type Audience = Awaited<ReturnType<typeof audienceOf>>;

/**
 * Creates the conversation on first use and brings its participants in line with `audience`
 * (see above); without one, only when the caller has no row yet. Returns its id.
 */
async function open(ctx: ServiceContext, actor: TenantActor, app: repo.ConversationApplication, given?: Audience): Promise<string> {
  if (app.conversationId && !given && (await repo.isParticipant(ctx.db, app.conversationId, actor.userId))) return app.conversationId;
  const audience = given ?? (await audienceOf(ctx, app));
  return inTransaction(ctx, async (tx) => {
    const conversationId = app.conversationId ?? (await repo.ensureConversation(tx, app));
    await repo.syncParticipants(tx, conversationId, audience);
    return conversationId;
  });
}

/** Gets, or opens on first use, the application's conversation as the caller sees it in their inbox. */
export async function openConversation(ctx: ServiceContext, actor: TenantActor, input: TApplicationConversationInput): Promise<TConversation> {
  const app = await loadApplication(ctx, actor, input.id);
  return messageService.getConversationSummary(ctx, actor, await open(ctx, actor, app));
}

/** A page of the application's messages, in reading order (the conversation is opened on first use). */
export async function listMessages(ctx: ServiceContext, actor: TenantActor, input: TApplicationMessagesInput): Promise<TConversationThread> {
  const app = await loadApplication(ctx, actor, input.id);
  const conversationId = await open(ctx, actor, app);
  return messageService.getConversation(ctx, actor, { id: conversationId, limit: input.limit, cursor: input.cursor, after: input.after, direction: input.direction });
}

/** Sends a message about the application: to the candidate and every recruiting user of the employer, live, with the bell and the digest. */
export async function sendMessage(ctx: ServiceContext, actor: TenantActor, input: TApplicationSendInput): Promise<TSendMessageResult> {
  const app = await loadApplication(ctx, actor, input.id);
  const audience = await audienceOf(ctx, app);
  const conversationId = await open(ctx, actor, app, audience);
  const sent = await messageService.sendToConversation(ctx, actor, { conversationId, content: input.content });
  const recipientIds = audience.map((p) => p.userId).filter((id) => id !== actor.userId);
  await applicationMessage(ctx, { applicationId: app.id, senderId: actor.userId, recipientIds });
  return sent;
}

/** Marks the application's conversation read for the caller. */
export async function markRead(ctx: ServiceContext, actor: TenantActor, input: TApplicationConversationInput): Promise<TReadResult> {
  const app = await loadApplication(ctx, actor, input.id);
  return messageService.markConversationRead(ctx, actor, { id: await open(ctx, actor, app) });
}
