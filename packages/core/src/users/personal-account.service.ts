import type { DbOrTx } from "@atrium/db";
import { generateToken } from "../shared/tokens.js";
import { slugify } from "../shared/slug.service.js";
import { addAccountMember, tryInsertAccount } from "./signup.repository.js";

/**
 * A new user's own tenant, owned by them. The slug is the username's, with a
 * random suffix when that is taken (slugs are unique across all tenants).
 */
export async function createPersonalAccount(tx: DbOrTx, user: { id: string; username: string }): Promise<{ id: string; slug: string }> {
  const base = slugify(user.username, "workspace");
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${generateToken(5).slice(0, 6)}`;
    const account = await tryInsertAccount(tx, { name: `${user.username}'s workspace`, slug });
    if (account) {
      await addAccountMember(tx, { accountId: account.id, userId: user.id, role: "owner" });
      return account;
    }
  }
  throw new Error("could not find a free account slug");
}
