// Routes and helpers shared by the identity tests (signup, passwords, invite keys, admin users, outbox).
import { sql } from "drizzle-orm";
import type { TestApi } from "../testing.js";
import { bearer, call, routes } from "../test-transports.js";

type Route = Parameters<typeof call>[2];

export const idRoutes = {
  signup: { method: "POST", rest: "/api/auth/signup/", trpc: "signup", kind: "mutation" },
  changePassword: { method: "POST", rest: "/api/auth/password/change/", trpc: "password.change", kind: "mutation" },
  requestReset: { method: "POST", rest: "/api/auth/password/reset/", trpc: "password.requestReset", kind: "mutation" },
  confirmReset: { method: "POST", rest: "/api/auth/password/reset/confirm/", trpc: "password.confirmReset", kind: "mutation" },
  createInviteKey: { method: "POST", rest: "/api/admin/passkeys/", trpc: "inviteKeys.create", kind: "mutation" },
  listInviteKeys: { method: "GET", rest: "/api/admin/passkeys/", trpc: "inviteKeys.list", kind: "query" },
  revokeInviteKey: { method: "DELETE", rest: "/api/admin/passkeys/{id}/", trpc: "inviteKeys.revoke", kind: "mutation" },
  listUsers: { method: "GET", rest: "/api/admin/users/", trpc: "adminUsers.list", kind: "query" },
  getUser: { method: "GET", rest: "/api/admin/users/{id}/", trpc: "adminUsers.get", kind: "query" },
  updateUser: { method: "PATCH", rest: "/api/admin/users/{id}/", trpc: "adminUsers.update", kind: "mutation" },
  adminResetPassword: { method: "POST", rest: "/api/admin/users/{id}/reset-password/", trpc: "adminUsers.resetPassword", kind: "mutation" },
  listOutbox: { method: "GET", rest: "/api/admin/outbox/", trpc: "outbox.list", kind: "query" },
  getOutbox: { method: "GET", rest: "/api/admin/outbox/{id}/", trpc: "outbox.get", kind: "query" },
} satisfies Record<string, Route>;

/** Tests here are about identity, not throttling: they log in far more than 5 times a minute. */
export const IDENTITY_TEST_ENV = { RATE_LIMIT_ENABLED: "false" } as const;

export const STRONG = "correct horse battery staple";

export async function tokenFor(api: TestApi, username: string, password: string): Promise<string> {
  const r = await call(api.url, "rest", routes.token, { username, password });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${r.error?.message}`);
  return (r.data as { token: string }).token;
}

export async function createInviteKey(api: TestApi, staffToken: string, input: Record<string, unknown> = {}): Promise<{ id: string; passkey: string; prefix: string }> {
  const r = await call(api.url, "rest", idRoutes.createInviteKey, input, bearer(staffToken));
  if (r.status !== 200) throw new Error(`create invite key failed: ${r.status} ${r.error?.message}`);
  return r.data as { id: string; passkey: string; prefix: string };
}

/** A fresh user signed up with a new invite key; returns their id and a bearer token. */
export async function signUpUser(api: TestApi, staffToken: string, username: string, password = STRONG): Promise<{ id: string; token: string; email: string }> {
  const { passkey } = await createInviteKey(api, staffToken);
  const email = `${username.toLowerCase()}@example.com`;
  const r = await call(api.url, "rest", idRoutes.signup, { username, email, password, inviteKey: passkey });
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

export { bearer, call, routes };
