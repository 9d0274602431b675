import type { ServiceContext } from "../shared/context.js";
import { findUserByLogin } from "../users/user.repository.js";

/**
 * The per-account rate-limit bucket for a login name: a user's username and
 * email, in any case, share one bucket (their id), so switching between them
 * doesn't double the guesses. Unknown names get a bucket of their own.
 */
export async function loginBucketKey(ctx: Pick<ServiceContext, "db">, login: string): Promise<string> {
  const name = login.trim().toLowerCase().slice(0, 320);
  const user = await findUserByLogin(ctx.db, name);
  return user ? `user:${user.id}` : `name:${name}`;
}
