// Routes and helpers shared by the identity tests (signup, passwords, invite keys, admin users, outbox).
import { and, eq, sql } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { TestApi } from "../testing.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";
import { bearer, call, routes } from "../test-transports.js";

type Route = Parameters<typeof call>[2];

export const idRoutes = {
  signup: { method: "POST", rest: "/api/auth/signup/", trpc: "auth.signup", kind: "mutation" },
  changePassword: { method: "POST", rest: "/api/auth/password/change/", trpc: "passwords.change", kind: "mutation" },
  requestReset: { method: "POST", rest: "/api/auth/password/reset/", trpc: "passwords.requestReset", kind: "mutation" },
  confirmReset: { method: "POST", rest: "/api/auth/password/reset/confirm/", trpc: "passwords.confirmReset", kind: "mutation" },
  verifyEmail: { method: "POST", rest: "/api/auth/email/verify/", trpc: "email.verify", kind: "mutation" },
  resendVerification: { method: "POST", rest: "/api/auth/email/verify/resend/", trpc: "email.resend", kind: "mutation" },
  changeEmail: { method: "POST", rest: "/api/auth/email/change/", trpc: "email.change", kind: "mutation" },
  createInviteKey: { method: "POST", rest: "/api/admin/invite-keys/", trpc: "inviteKeys.create", kind: "mutation" },
  listInviteKeys: { method: "GET", rest: "/api/admin/invite-keys/", trpc: "inviteKeys.list", kind: "query" },
  revokeInviteKey: { method: "DELETE", rest: "/api/admin/invite-keys/{id}/", trpc: "inviteKeys.revoke", kind: "mutation" },
  listUsers: { method: "GET", rest: "/api/admin/users/", trpc: "users.admin.list", kind: "query" },
  getUser: { method: "GET", rest: "/api/admin/users/{id}/", trpc: "users.admin.get", kind: "query" },
  updateUser: { method: "PATCH", rest: "/api/admin/users/{id}/", trpc: "users.admin.update", kind: "mutation" },
  adminResetPassword: { method: "POST", rest: "/api/admin/users/{id}/reset-password/", trpc: "users.admin.resetPassword", kind: "mutation" },
  listOutbox: { method: "GET", rest: "/api/admin/outbox/", trpc: "email.outbox.list", kind: "query" },
  getOutbox: { method: "GET", rest: "/api/admin/outbox/{id}/", trpc: "email.outbox.get", kind: "query" },
} satisfies Record<string, Route>;

/** Tests here are about identity, not throttling: they log in far more than 5 times a minute. */
export const IDENTITY_TEST_ENV = { RATE_LIMIT_ENABLED: "false" } as const;

export const STRONG = "correct horse battery staple";

export async function tokenFor(api: TestApi, username: string, password: string): Promise<string> {
  const r = await call(api.url, "rest", routes.token, { username, password });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${r.error?.message}`);
  return (r.data as { token: string }).token;
}

export async function createInviteKey(api: TestApi, staffToken: string, input: Record<string, unknown> = {}): Promise<{ id: string; key: string; prefix: string }> {
  const r = await call(api.url, "rest", idRoutes.createInviteKey, input, bearer(staffToken));
  if (r.status !== 200) throw new Error(`create invite key failed: ${r.status} ${r.error?.message}`);
  return r.data as { id: string; key: string; prefix: string };
}

/** A fresh user signed up with a new invite key; returns their id and a bearer token. */
export async function signUpUser(api: TestApi, staffToken: string, username: string, password = STRONG): Promise<{ id: string; token: string; email: string }> {
  const { key } = await createInviteKey(api, staffToken);
  const email = `${username.toLowerCase()}@example.com`;
  const r = await call(api.url, "rest", idRoutes.signup, { username, email, password, inviteKey: key });
  if (r.status !== 200) throw new Error(`signup ${username} failed: ${r.status} ${r.error?.message}`);
  const data = r.data as { user: { id: string }; token: string };
  return { id: data.user.id, token: data.token, email };
}

/** Every row of every table in the database as JSON text, to prove a secret is stored nowhere. */
export async function dumpDatabase(api: TestApi): Promise<string> {
  const tables = await api.svc.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await api.svc.db.execute(sql`select row_to_json(t)::text as j from ${sql.identifier(table_name)} t`);
    parts.push(...rows.rows.map((r) => String((r as { j: string }).j)));
  }
  return parts.join("\n");
}

/** A user whose address is confirmed (the normal case), with a session and a caller. */
export const newVerifiedUser = (api: TestApi, username: string, opts: { isStaff?: boolean; email?: string } = {}): Promise<TestUser> => newUser(api, username, { ...opts, verified: true });
/** A user who registered an address but never opened the confirmation link (e.g. someone else's address). */
export const newUnverifiedUser = (api: TestApi, username: string, opts: { email?: string } = {}): Promise<TestUser> => newUser(api, username, { ...opts, verified: false });

/** The raw token of the newest confirmation link mailed to an address. */
export async function verificationTokenSentTo(api: TestApi, email: string): Promise<string> {
  const rows = await api.svc.db.select().from(schema.emailOutbox).where(and(eq(schema.emailOutbox.toAddress, email), eq(schema.emailOutbox.template, "verify_email"))).orderBy(schema.emailOutbox.createdAt);
  const link = rows.at(-1)?.text.match(/\/verify-email\?token=([a-z0-9]+)/);
  if (!link?.[1]) throw new Error(`no confirmation email to ${email}`);
  return link[1];
}

export { bearer, call, routes };
