import { and, eq, isNull, notInArray } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { TRecruitingRole, TTenantRole } from "../accounts/role.schema.js";

const { applications, jobPostings, conversations, conversationParticipants: parts, accountMembers, users } = schema;

/** What the conversation needs of an application: who is on each side and where it lives. */
export async function findApplication(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      accountId: applications.accountId,
      postingId: applications.postingId,
      postingTitle: jobPostings.title,
      candidateUserId: applications.candidateUserId,
      candidateAccountId: applications.candidateAccountId,
      conversationId: applications.conversationId,
    })
    .from(applications)
    .innerJoin(jobPostings, eq(jobPostings.id, applications.postingId))
    .where(eq(applications.id, id))
    .limit(1);
  return row;
}
export type ConversationApplication = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

/** Whether the user already has a participant row in the conversation. */
export async function isParticipant(db: DbOrTx, conversationId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: parts.id })
    .from(parts)
    .where(and(eq(parts.conversationId, conversationId), eq(parts.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

/** The account's live, active members with their roles (the service asks the policy which of them recruit). */
export function findMembers(db: DbOrTx, accountId: string): Promise<Array<{ userId: string; role: TTenantRole; recruitingRole: TRecruitingRole | null }>> {
  return db
    .select({ userId: accountMembers.userId, role: accountMembers.role, recruitingRole: accountMembers.recruitingRole })
    .from(accountMembers)
    .innerJoin(users, and(eq(users.id, accountMembers.userId), eq(users.isActive, true), isNull(users.deletedAt)))
    .where(eq(accountMembers.accountId, accountId));
}

/**
 * The application's conversation, created once (the pair key `application:<id>` makes a
 * second opener find the first one's row) and linked from the application.
 */
export async function ensureConversation(tx: DbOrTx, app: ConversationApplication): Promise<string> {
  const pairKey = `application:${app.id}`;
  const [created] = await tx
    .insert(conversations)
    .values({ accountId: app.accountId, pairKey, subjectType: "application", subjectId: app.id })
    .onConflictDoNothing()
    .returning({ id: conversations.id });
  const id =
    created?.id ??
    (await tx.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.accountId, app.accountId), eq(conversations.pairKey, pairKey))).limit(1))[0]?.id;
  if (!id) throw new Error("application conversation neither inserted nor found");
  await tx.update(applications).set({ conversationId: id }).where(and(eq(applications.id, app.id), isNull(applications.conversationId)));
  return id;
}

/**
 * Makes the participant rows exactly `audience`: newcomers get a row (unread from the
 * start), people who lost the right lose theirs. Each row lives in the account whose inbox
 * shows it: the employer's for its recruiting users, the candidate's personal account for them.
 */
export async function syncParticipants(tx: DbOrTx, conversationId: string, audience: Array<{ userId: string; accountId: string }>): Promise<void> {
  if (audience.length) {
    await tx
      .insert(parts)
      .values(audience.map((p) => ({ conversationId, userId: p.userId, accountId: p.accountId })))
      .onConflictDoNothing();
  }
  await tx.delete(parts).where(and(eq(parts.conversationId, conversationId), audience.length ? notInArray(parts.userId, audience.map((p) => p.userId)) : undefined));
}
