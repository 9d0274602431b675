import { and, eq, isNull } from "drizzle-orm";
import { authChanged } from "../auth/session-cache.service.js";
import { schema, type DbOrTx } from "@atrium/db";
import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { iso } from "../shared/dates.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { hashToken } from "../shared/tokens.js";
import { findUserById, type UserRow } from "../users/user.repository.js";
import * as repo from "./invitation.repository.js";
import { unusableTokenError } from "./invitation.service.js";
import type { TMyInvitationList, TRespondInvitationInput } from "./invitation.schema.js";
import * as members from "../organizations/member.repository.js";
import type { TTenantRole } from "../accounts/role.schema.js";
import { inTransaction } from "../shared/tx.js";

const UNVERIFIED = "Confirm your email address first: only a confirmed address can accept or decline invitations";
const OTHER_ADDRESS = "This invitation was sent to a different email address";
const { users } = schema;

/** Puts a user into an organization (and its account, as a plain member, if they aren't in it yet). */
async function join(tx: DbOrTx, org: { id: string; accountId: string }, userId: string, role: TTenantRole): Promise<boolean> {
  await members.addMember(tx, { accountId: org.accountId }, userId, "member");
  const added = await members.addMember(tx, { accountId: org.accountId, organizationId: org.id }, userId, role);
  // A user's first tenant becomes their home account (what /me shows).
  await tx.update(users).set({ accountId: org.accountId }).where(and(eq(users.id, userId), isNull(users.accountId)));
  return added;
}

/**
 * The invitation a user may answer: theirs only if their address is confirmed
 * and equals the invitation's. By id, anything else is not found (ids are not
 * proof of anything); by token, the holder learns the address didn't match.
 */
async function invitationFor(tx: DbOrTx, user: UserRow, input: TRespondInvitationInput, now: Date): Promise<repo.InvitationRow> {
  if (!user.emailVerifiedAt) throw new ServiceError("FORBIDDEN", UNVERIFIED);
  if (input.invitationId) {
    const row = await repo.findUsableInvitationForEmail(tx, input.invitationId, user.email, now);
    if (!row) throw notFound("Invitation");
    return row;
  }
  const found = await repo.findUsableInvitation(tx, hashToken(input.token ?? ""), now, { lock: true });
  if (!found) throw await unusableTokenError(tx, hashToken(input.token ?? ""));
  if (found.invitation.email.toLowerCase() !== user.email.toLowerCase()) throw new ServiceError("FORBIDDEN", OTHER_ADDRESS);
  return found.invitation;
}

async function loadUser(tx: DbOrTx, userId: string): Promise<UserRow> {
  const user = await findUserById(tx, userId);
  if (!user) throw notFound("User");
  return user;
}

/**
 * Accepts an invitation: the user joins the account (as a member) and the
 * organization (with the invited role), once. Only the invited person can do
 * it, signed in with a confirmed address equal to the invitation's. Signup
 * calls this in its own transaction for a user whose address the link proved.
 */
export async function acceptInvitation(ctx: ServiceContext, input: TRespondInvitationInput & { userId: string }, meta?: RequestMeta): Promise<{ organizationId: string; accountId: string }> {
  const accepted = await inTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const user = await loadUser(tx, input.userId);
    const invitation = await invitationFor(tx, user, input, now);
    const org = { id: invitation.organizationId, accountId: invitation.accountId };
    const joined = await join(tx, org, user.id, invitation.role);
    await repo.markInvitation(tx, invitation.id, { acceptedAt: now, acceptedById: user.id });
    await recordAudit(tx, {
      eventType: "invitation.accepted",
      actor: { id: user.id, username: user.username },
      target: { type: "invitation", id: invitation.id },
      accountId: invitation.accountId,
      meta,
      // An existing member keeps their role; the invitation is used up either way.
      details: { organizationId: org.id, email: invitation.email, role: invitation.role, alreadyMember: !joined },
    });
    return { organizationId: org.id, accountId: org.accountId };
  });
  // A first tenant becomes the home account `me` shows.
  await authChanged(ctx, { userId: input.userId });
  return accepted;
}

/** Declines an invitation (same rule as accepting: the confirmed addressee only); its link stops working. */
export async function declineInvitation(ctx: ServiceContext, input: TRespondInvitationInput & { userId: string }, meta?: RequestMeta): Promise<{ ok: true }> {
  return inTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const user = await loadUser(tx, input.userId);
    const invitation = await invitationFor(tx, user, input, now);
    await repo.markInvitation(tx, invitation.id, { declinedAt: now });
    await recordAudit(tx, {
      eventType: "invitation.declined",
      actor: { id: user.id, username: user.username },
      target: { type: "invitation", id: invitation.id },
      accountId: invitation.accountId,
      meta,
      details: { organizationId: invitation.organizationId, email: invitation.email },
    });
    return { ok: true as const };
  });
}

/**
 * The caller's pending invitations, for the SPA's notice. An unconfirmed
 * address sees none: whoever registered someone else's address must not learn
 * who invites it.
 */
export async function listMyInvitations(ctx: ServiceContext, userId: string): Promise<TMyInvitationList> {
  const user = await loadUser(ctx.db, userId);
  if (!user.emailVerifiedAt) return { items: [], emailVerified: false };
  const rows = await repo.listPendingForEmail(ctx.db, user.email, ctx.now());
  return {
    emailVerified: true,
    items: rows.map((r) => ({
      id: r.invitation.id,
      organizationId: r.invitation.organizationId,
      organizationName: r.organizationName,
      email: r.invitation.email,
      role: r.invitation.role,
      inviterName: r.inviterDisplayName || r.inviterUsername || null,
      expiresAt: iso(r.invitation.expiresAt),
      createdAt: iso(r.invitation.createdAt),
    })),
  };
}
