// Builders shared by the tenancy tests: users with a live session, and whole tenants.
import { eq } from "drizzle-orm";
import { sessionService } from "@atrium/core";
import { insertUser } from "@atrium/core/testing";
import { schema } from "@atrium/db";
import { callerFor, type TestApi } from "../testing.js";

export type Caller = ReturnType<typeof callerFor>;
export interface TestUser {
  user: { id: string; username: string; email: string };
  token: string;
  call: Caller;
}

/**
 * A user with a session (no password login, so no auth rate limit in the way)
 * and a caller acting as them. Their address is confirmed unless `verified: false`
 * (see newUnverifiedUser in identity.test-helpers.ts).
 */
export async function newUser(api: TestApi, username: string, opts: { isStaff?: boolean; verified?: boolean; email?: string } = {}): Promise<TestUser> {
  const user = await insertUser(api.svc.db, {
    username,
    email: opts.email ?? `${username}@example.test`,
    passwordHash: "not-a-hash",
    isStaff: opts.isStaff ?? false,
    emailVerifiedAt: opts.verified === false ? null : new Date(),
  });
  const { token } = await sessionService.createSession(api.svc, user.id, { rememberMe: false });
  return { user, token, call: callerFor(api, token) };
}

/** The raw invitation token, as only the invitee's email knows it. */
export async function invitationTokenSentTo(api: TestApi, email: string): Promise<string> {
  const rows = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, email));
  const link = rows.at(-1)?.text.match(/\/signup\?invitation=([a-z0-9]+)/);
  if (!link?.[1]) throw new Error(`no invitation email to ${email}`);
  return link[1];
}

/** Invites a (verified) user into an organization and has them accept it, as the SPA's notice does. */
export async function inviteAndAccept(inviter: TestUser, organizationId: string, invitee: TestUser, role: "owner" | "admin" | "member" | "viewer" = "member"): Promise<void> {
  const { invitation } = await inviter.call.invitations.create({ id: organizationId, email: invitee.user.email, role });
  await invitee.call.invitations.accept({ invitationId: invitation.id });
}

/**
 * A tenant as users build one: an owner creates the account, an organization
 * and a team, invites an existing user (who accepts, joining as a member) and a new address.
 */
export async function newTenant(api: TestApi, prefix: string) {
  const owner = await newUser(api, `${prefix}-owner`);
  const member = await newUser(api, `${prefix}-member`);
  const account = await owner.call.accounts.create({ name: `${prefix} Inc` });
  const org = await owner.call.organizations.create({ accountId: account.id, name: `${prefix} Org` });
  const team = await owner.call.teams.create({ organizationId: org.id, name: `${prefix} Team` });
  await inviteAndAccept(owner, org.id, member, "member");
  await owner.call.teams.addMember({ id: team.id, userId: member.user.id, role: "member" });
  const invited = await owner.call.invitations.create({ id: org.id, email: `${prefix}-new@example.test`, role: "member" });
  return { owner, member, account, org, team, invitation: invited.invitation };
}

/** One REST call with a bearer token; the body goes as JSON for POST/PUT/PATCH, as the query string for GET. */
export async function rest(
  api: TestApi,
  token: string | null,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  input?: Record<string, unknown>,
): Promise<{ status: number; body: { message?: string; code?: string; data?: { fieldErrors?: Record<string, string[]> | null } } & Record<string, unknown> }> {
  const hasBody = method !== "GET" && method !== "DELETE";
  const query = !hasBody && input ? `?${new URLSearchParams(Object.entries(input).map(([k, v]): [string, string] => [k, String(v)])).toString()}` : "";
  const res = await fetch(`${api.url}/api${path}${query}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(hasBody ? { "content-type": "application/json" } : {}) },
    body: hasBody ? JSON.stringify(input ?? {}) : undefined,
  });
  return { status: res.status, body: (await res.json()) as never };
}
