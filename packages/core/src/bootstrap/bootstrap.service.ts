import { allowsDevDefaults } from "@atrium/config";
import { schema } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import { hashPassword } from "../auth/password-hash.service.js";
import { findAccountBySlug, insertAccount } from "../accounts/tenant.repository.js";
import { findUserByLogin, insertUser } from "../users/user.repository.js";
import { ensureDefaultPrices } from "../billing/pricing.service.js";
import { seedBuiltInFlags } from "../flags/flag.service.js";

export const DEFAULT_ACCOUNT = { name: "Default", slug: "default" } as const;

/**
 * Idempotent first-run setup: the default tenant, the staff admin, the default usage prices and Atrium's own feature flags. The dev
 * admin password is refused in production (config validation enforces it too).
 */
export async function bootstrap(ctx: ServiceContext): Promise<{ createdAdmin: boolean; createdAccount: boolean }> {
  const { config } = ctx;
  if (!allowsDevDefaults(config) && config.BOOTSTRAP_ADMIN_PASSWORD === "admin123") {
    throw new Error("Refusing to create the admin with the default password in production");
  }
  let createdAccount = false;
  let account = await findAccountBySlug(ctx.db, DEFAULT_ACCOUNT.slug);
  if (!account) {
    account = await insertAccount(ctx.db, DEFAULT_ACCOUNT);
    createdAccount = true;
  }
  let createdAdmin = false;
  let admin = await findUserByLogin(ctx.db, config.BOOTSTRAP_ADMIN_USERNAME);
  if (!admin) {
    admin = await insertUser(ctx.db, {
      username: config.BOOTSTRAP_ADMIN_USERNAME,
      email: config.BOOTSTRAP_ADMIN_EMAIL,
      displayName: "Administrator",
      passwordHash: await hashPassword(config.BOOTSTRAP_ADMIN_PASSWORD),
      isStaff: true,
      // The operator chose this address in the environment: nobody else could have claimed it.
      emailVerifiedAt: new Date(),
      accountId: account.id,
    });
    createdAdmin = true;
  }
  await ctx.db
    .insert(schema.accountMembers)
    .values({ accountId: account.id, userId: admin.id, role: "owner" })
    .onConflictDoNothing();
  await ensureDefaultPrices(ctx.db);
  await seedBuiltInFlags(ctx);
  return { createdAdmin, createdAccount };
}
