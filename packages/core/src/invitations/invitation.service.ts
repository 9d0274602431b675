import { and, eq, isNull, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { recordAudit } from "../audit/audit.service.js";
import { queueEmail } from "../email/email.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { iso } from "../shared/dates.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import { generateToken, hashToken } from "../shared/tokens.js";
import { findUserById, type UserRow } from "../users/user.repository.js";
import { assertMayTouchOwner, by } from "../accounts/owner-guard.service.js";
import * as repo from "./invitation.repository.js";
import { INVITATION_SUPERSEDED, type TCreateInvitationInput, type TInvitation, type TInvitationPreview, type TInviteResult, type TListInvitationsInput, type TRevokeInvitationInput } from "./invitation.schema.js";
import * as members from "../organizations/member.repository.js";
import { orgKey } from "../organizations/organization-member.service.js";
import { loadOrganization } from "../organizations/organization.service.js";
import type { PolicyActor } from "../accounts/policy.service.js";
import { inTransaction } from "../shared/tx.js";
import { notify } from "../notifications/notification.service.js";

const EXPIRY_DAYS = 7;
const INVALID = "This invitation is invalid or has expired";

/** Why a token no longer works, in the words its holder needs. */
export async function unusableTokenError(db: DbOrTx, tokenHash: string): Promise<ServiceError> {
  return new ServiceError("NOT_FOUND", (await repo.wasSuperseded(db, tokenHash)) ? INVITATION_SUPERSEDED : INVALID);
}
const { users } = schema;

const toDto = (r: repo.InvitationRow): TInvitation => ({
  id: r.id,
  organizationId: r.organizationId,
  email: r.email,
  role: r.role,
  invitedById: r.invitedById,
  expiresAt: iso(r.expiresAt),
  createdAt: iso(r.createdAt),
});

async function findLiveUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), isNull(users.deletedAt))).limit(1);
  return row;
}

/**
 * Invites an email address into an organization (admins and owners). Nobody
 * is added here: the address is always emailed a link, valid for seven days,
 * whose token is stored only hashed, and joining waits for the invited person
 * to accept. The answer is the same whether or not the address has an account
 * (only someone already in the organization, whom the inviter can see in the
 * member list, is refused).
 */
export async function inviteToOrganization(ctx: ServiceContext, actor: PolicyActor, input: TCreateInvitationInput, meta?: RequestMeta): Promise<TInviteResult> {
  const org = await loadOrganization(ctx, actor, input.id, "organization.manage_members");
  assertMayTouchOwner(actor, { accountId: org.accountId, organizationId: org.id }, [input.role]);
  const existing = await findLiveUserByEmail(ctx.db, input.email);
  if (existing && (await members.findMember(ctx.db, orgKey(org), existing.id))) {
    throw new ServiceError("CONFLICT", "This user is already a member of the organization", { email: ["Already a member"] });
  }
  const inviter = await findUserById(ctx.db, actor.userId);
  const token = generateToken();
  const now = ctx.now();
  const { invitation, emailId, replacedPrevious } = await inTransaction(ctx, async (tx, txCtx) => {
    const replaced = await repo.revokePendingFor(tx, { organizationId: org.id, email: input.email, now });
    const invitation = await repo.insertInvitation(tx, {
      accountId: org.accountId,
      organizationId: org.id,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedById: actor.userId,
      expiresAt: new Date(now.getTime() + EXPIRY_DAYS * 86_400_000),
    });
    await recordAudit(tx, { eventType: "invitation.sent", actor: by(actor), target: { type: "invitation", id: invitation.id }, accountId: org.accountId, meta, details: { organizationId: org.id, email: input.email, role: input.role } });
    // The outbox row commits with the invitation; the job is enqueued only after the commit, so the worker never looks for a row that isn't there yet.
    const email = await queueEmail(
      { ...txCtx, jobs: undefined },
      {
        to: input.email,
        template: "organization_invitation",
        accountId: org.accountId,
        data: {
          organizationName: org.name,
          inviterName: inviter?.displayName || inviter?.username || "A colleague",
          role: input.role,
          acceptUrl: `${ctx.config.PUBLIC_URL.replace(/\/$/, "")}/signup?invitation=${encodeURIComponent(token)}`,
          expiresInDays: EXPIRY_DAYS,
        },
      },
    );
    return { invitation, emailId: email.id, replacedPrevious: replaced > 0 };
  });
  await ctx.jobs?.enqueue("email.send", { emailId }).catch((err: unknown) => ctx.logger.warn({ err, emailId }, "could not enqueue invitation email; the sweep will retry"));
  // Someone who already has an account with this confirmed address also hears it in the app (only they could accept;
  // the answer above stays the same either way).
  if (existing?.emailVerifiedAt) {
    await notify(ctx, {
      userId: existing.id,
      kind: "invitation.received",
      title: `Invitation to ${org.name}`,
      body: `${inviter?.displayName || inviter?.username || "A colleague"} invited you to join ${org.name} as ${input.role}.`,
      link: "/",
    }).catch((err: unknown) => ctx.logger.warn({ err, invitationId: invitation.id }, "invitation notification not written"));
  }
  return { status: "invited", invitation: toDto(invitation), replacedPrevious };
}

/** Pending (not accepted, revoked or expired) invitations of an organization. */
export async function listInvitations(ctx: ServiceContext, actor: PolicyActor, input: TListInvitationsInput) {
  const org = await loadOrganization(ctx, actor, input.id, "organization.manage_members");
  const rows = await repo.listPendingInvitations(ctx.db, { accountId: org.accountId, organizationId: org.id, now: ctx.now(), limit: input.limit, cursor: input.cursor });
  return toPage(rows, input.limit, toDto);
}

export async function revokeInvitation(ctx: ServiceContext, actor: PolicyActor, input: TRevokeInvitationInput, meta?: RequestMeta): Promise<TInvitation> {
  const org = await loadOrganization(ctx, actor, input.id, "organization.manage_members");
  return inTransaction(ctx, async (tx) => {
    const found = await repo.findPendingInvitation(tx, { accountId: org.accountId, organizationId: org.id, id: input.invitationId, now: ctx.now() });
    if (!found) throw notFound("Invitation");
    const row = await repo.markInvitation(tx, found.id, { revokedAt: ctx.now() });
    await recordAudit(tx, { eventType: "invitation.revoked", actor: by(actor), target: { type: "invitation", id: row.id }, accountId: org.accountId, meta, details: { organizationId: org.id, email: row.email } });
    return toDto(row);
  });
}

/** What the signup page shows for an invitation link; the token is the only credential asked. */
export async function previewInvitation(ctx: ServiceContext, token: string): Promise<TInvitationPreview> {
  const found = await repo.findUsableInvitation(ctx.db, hashToken(token), ctx.now());
  if (!found) throw await unusableTokenError(ctx.db, hashToken(token));
  const { invitation } = found;
  return { organizationName: found.organizationName, email: invitation.email, role: invitation.role, expiresAt: iso(invitation.expiresAt) };
}
