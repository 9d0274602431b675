import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { recordAudit } from "../audit/audit.service.js";
import { hashPassword } from "../auth/password-hash.service.js";
import { createSession, type IssuedSession } from "../auth/session.service.js";
import { inviteKeyProblem, redeemInviteKey } from "../invite-keys/invite-key-redeem.service.js";
import { passwordPolicyErrors } from "../passwords/password-policy.service.js";
import { ServiceError } from "../shared/errors.js";
import { acceptInvitation } from "../invitations/invitation-response.service.js";
import { previewInvitation } from "../invitations/invitation.service.js";
import { isUniqueViolation } from "../shared/tx.js";
import { appUrl, queueEmailInTx } from "../email/email-in-tx.service.js";
import { queueVerificationEmail } from "./email-verification.service.js";
import { createPersonalAccount } from "./personal-account.service.js";
import type { TSignupInput } from "./signup.schema.js";
import { findTakenFields, setUserAccount } from "./signup.repository.js";
import { insertUser, touchLastLogin, type UserRow } from "./user.repository.js";

const WRONG_ADDRESS = "Sign up with the address this invitation was sent to";
const TAKEN = { username: "This username is already taken", email: "An account with this email already exists" } as const;

function conflict(taken: { username: boolean; email: boolean }): ServiceError {
  const fieldErrors: Record<string, string[]> = {};
  if (taken.username) fieldErrors.username = [TAKEN.username];
  if (taken.email) fieldErrors.email = [TAKEN.email];
  return new ServiceError("CONFLICT", Object.values(fieldErrors).flat().join("; "), fieldErrors);
}

/** The tenancy side refuses a bad invitation with NOT_FOUND / PRECONDITION_FAILED; to a signup form it is a field error. */
function invitationProblem(err: unknown): string {
  if (err instanceof ServiceError && (err.code === "NOT_FOUND" || err.code === "PRECONDITION_FAILED")) return err.message;
  throw err;
}
const rethrowAsField = (err: unknown): never => {
  const message = invitationProblem(err);
  throw new ServiceError("BAD_REQUEST", message, { invitationToken: [message] });
};

/**
 * Refusals that need no writes, gathered into one 400 so a person fixes them
 * in one go. In invite mode the key is checked before anything else is said,
 * so without a valid key signup can't be used to probe which emails exist.
 */
async function precheck(ctx: ServiceContext, input: TSignupInput, inviteKey: string | undefined, invitationToken: string | undefined): Promise<void> {
  const errors: Record<string, string[]> = {};
  if (inviteKey) {
    const problem = await inviteKeyProblem(ctx.db, inviteKey, ctx.now());
    if (problem) errors.inviteKey = [problem];
  } else if (ctx.config.SIGNUP_MODE === "invite" && !invitationToken) {
    errors.inviteKey = ["An invite key is required to sign up"];
  }
  if (invitationToken) {
    const preview = await previewInvitation(ctx, invitationToken).then(
      (p) => ({ email: p.email, problem: null }),
      (err: unknown) => ({ email: null, problem: invitationProblem(err) }),
    );
    if (preview.problem) errors.invitationToken = [preview.problem];
    // The link proves only the address it was mailed to; signing up under another one would skip verification.
    else if (preview.email?.toLowerCase() !== input.email) errors.email = [WRONG_ADDRESS];
  }
  const password = passwordPolicyErrors(ctx, input.password, input);
  if (password.length) errors.password = password;
  const messages = Object.values(errors).flat();
  if (messages.length) throw new ServiceError("BAD_REQUEST", messages.join("; "), errors);
  const taken = await findTakenFields(ctx.db, input.username, input.email);
  if (taken.username || taken.email) throw conflict(taken);
}

/**
 * Creates a user and signs them in. Everything — the user, spending the invite
 * key, their tenant (a personal account, or the inviting organization's), the
 * audit events, the welcome email and the session — is one transaction, so a
 * failed signup consumes no key and leaves no half-made user.
 */
export async function signup(ctx: ServiceContext, input: TSignupInput, meta?: RequestMeta): Promise<IssuedSession & { user: UserRow }> {
  const inviteKey = input.inviteKey || undefined;
  const invitationToken = input.invitationToken || undefined;
  await precheck(ctx, input, inviteKey, invitationToken);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  let dispatch: (() => Promise<void>) | undefined;
  try {
    const result = await ctx.db.transaction(async (tx) => {
      const txCtx: ServiceContext = { ...ctx, db: tx, jobs: undefined };
      // Arriving through an invitation link proves the address: the link was mailed to it (precheck compared them).
      const created = await insertUser(tx, { username: input.username, email: input.email, passwordHash, passwordChangedAt: now, emailVerifiedAt: invitationToken ? now : null });
      // Invited people join the inviter's tenant; everyone else gets their own.
      const accountId = invitationToken
        ? (await acceptInvitation(txCtx, { token: invitationToken, userId: created.id }, meta).catch(rethrowAsField)).accountId
        : (await createPersonalAccount(tx, created)).id;
      const user = await setUserAccount(tx, created.id, accountId);
      if (inviteKey) await redeemInviteKey(tx, inviteKey, user, now, meta);
      await recordAudit(tx, {
        eventType: "auth.signup",
        actor: user,
        target: { type: "user", id: user.id },
        accountId,
        meta,
        details: { via: invitationToken ? "invitation" : inviteKey ? "invite_key" : "open", email: user.email },
      });
      const welcome = await queueEmailInTx(ctx, tx, {
        to: user.email,
        template: "welcome",
        data: { username: user.username, loginUrl: appUrl(ctx, "/login") },
        accountId,
      });
      const verify = user.emailVerifiedAt ? undefined : await queueVerificationEmail(ctx, tx, user);
      dispatch = async () => {
        await welcome();
        await verify?.();
      };
      const issued = await createSession(txCtx, user.id, { rememberMe: false, meta });
      // Signing up signs in: the new user's profile shows this sign-in, not "Never".
      return { ...issued, user: await touchLastLogin(tx, user.id, now) };
    });
    await dispatch?.();
    return result;
  } catch (err) {
    // Lost a race with another signup for the same name or address.
    const taken = { username: isUniqueViolation(err, "users_username_key"), email: isUniqueViolation(err, "users_email_key") };
    if (taken.username || taken.email) throw conflict(taken);
    throw err;
  }
}
